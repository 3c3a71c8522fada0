// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBrush>
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTextCursor>
#include <QTextFormat>

#include <md4c.h>
#include <vector>

class QTextDocument;
class QTextList;

namespace quire::desktop {

// Builds the editor's document from md4c's events.
//
// Blocks, lists, tables and character formats, with the user properties of
// MarkdownFormat.
class MarkdownDocumentBuilder
{
public:
    explicit MarkdownDocumentBuilder(QTextDocument *document);

    // The number of top-level blocks read, or -1 when md4c gave up.
    int build(const QString &markdown);

    // md4c's events, through MarkdownFormat::parse().
    int enterBlock(MD_BLOCKTYPE type, void *detail);
    int leaveBlock(MD_BLOCKTYPE type, void *);
    int enterSpan(MD_SPANTYPE type, void *detail);
    int leaveSpan(MD_SPANTYPE type, void *);
    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size);

private:
    enum class Leaf { None, Paragraph, Heading, Code, Cell, Rule, Table };

    struct Container
    {
        enum Kind { Quote, List, Item } kind;
        int id = 0;
        // a list's
        bool ordered = false;
        int start = 1;
        bool loose = false;
        QTextList *list = nullptr;
        // an item's
        QTextBlockFormat::MarkerType marker = QTextBlockFormat::MarkerType::NoMarker;
        bool started = false;
        // a quote's
        int blocksBefore = 0;
    };

    struct Run
    {
        QString text;
        QTextCharFormat format;
    };

    struct Table
    {
        int columns = 0;
        QString alignment;
        std::vector<std::vector<std::vector<Run>>> rows;
    };

    void endParagraph();
    void startImplicitParagraph();
    void endImplicitParagraph();
    static void insertRuns(QTextCursor &cursor, const std::vector<Run> &runs);
    QTextBlockFormat blockFormat(Leaf leaf, size_t depth) const;
    QTextBlockFormat blockFormat(Leaf leaf) const { return blockFormat(leaf, m_containers.size()); }
    void newBlock(const QTextBlockFormat &bf, const QTextCharFormat &cf);
    void joinList(size_t index);
    void startItems(bool leafCanStartItem, size_t *memberOf);
    void startLeaf(QTextBlockFormat bf, const QTextCharFormat &cf);
    void leaveCode();
    void leaveTable();
    void leaveLink();

    QTextCursor m_cursor;
    QStringList m_codeFont;
    QBrush m_linkBrush;
    std::vector<Container> m_containers;
    std::vector<QTextCharFormat> m_formats { QTextCharFormat() };
    std::vector<Run> m_runs;
    Leaf m_leaf = Leaf::None;
    int m_level = 0;
    int m_depth = 0;
    int m_topBlocks = 0;
    int m_blocks = 0; // created so far
    int m_lastId = 0;
    int m_codeGroups = 0;
    bool m_reuseBlock = true; // the document's first block, or the one after a table
    bool m_implicit = false;
    QString m_code;
    QString m_codeInfo;
    QString m_codeLanguage;
    QChar m_codeFence;
    Table m_table;
    int m_imageDepth = 0;
    bool m_afterNullChar = false; // for MarkdownFormat::textOf
    QByteArray m_utf8; // the source, which md4c's texts point into
    int m_links = 0;
    // The link being read: its first run, and where its text lies in m_utf8.
    struct
    {
        size_t runs = 0;
        qsizetype first = -1;
        qsizetype end = -1;
    } m_link;
    QTextImageFormat m_image;
    QString m_imageAlt;
};

} // namespace quire::desktop
