// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/strictjson.h"

#include "shared/tr.h"

#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

namespace quire::shared {

namespace {

// Hands nlohmann the bytes one at a time and remembers how far it read, so
// problems found in the SAX events (which carry no position) can still be
// placed by line and column.
class CountingIterator
{
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    CountingIterator(const char *begin, const char *p, std::size_t *consumed)
        : m_begin(begin)
        , m_p(p)
        , m_consumed(consumed)
    { }

    reference operator*() const { return *m_p; }
    CountingIterator &operator++()
    {
        ++m_p;
        if (m_consumed)
            *m_consumed = std::size_t(m_p - m_begin);
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator &other) const { return m_p == other.m_p; }
    bool operator!=(const CountingIterator &other) const { return m_p != other.m_p; }

private:
    const char *m_begin;
    const char *m_p;
    std::size_t *m_consumed;
};

bool isWholeNumberLiteral(const std::string &literal)
{
    return literal.find_first_of(".eE") == std::string::npos;
}

// True when the digits before the exponent are not all zero, i.e. the
// number was not written as zero but came out as zero (underflow).
bool hasNonZeroMantissa(const std::string &literal)
{
    for (const char c : literal) {
        if (c == 'e' || c == 'E')
            break;
        if (c >= '1' && c <= '9')
            return true;
    }
    return false;
}

// Builds the document like nlohmann's own DOM parser, with the extra checks.
class Builder
{
public:
    using json = nlohmann::json;

    Builder(QByteArrayView bytes, const std::size_t &consumed)
        : m_bytes(bytes)
        , m_consumed(consumed)
    { }

    bool null() { return add(json(nullptr)); }
    bool boolean(bool v) { return add(json(v)); }
    bool number_integer(json::number_integer_t v) { return add(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return add(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t &literal)
    {
        // nlohmann reads a whole number beyond 64 bits as a double, losing
        // digits; a tiny number becomes 0. Both change what was sent.
        if (isWholeNumberLiteral(literal) || (v == 0 && hasNonZeroMantissa(literal)))
            return outOfRange(literal);
        return add(json(v));
    }
    bool string(json::string_t &v) { return add(json(std::move(v))); }
    bool binary(json::binary_t &) { return fail(Tr::tr("binary values are not JSON"), lastRead()); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool key(json::string_t &k)
    {
        // The object under construction is itself the set of keys seen so
        // far: one lookup that inserts, with the key moved in, costs no
        // allocation per key beyond the member's own, which a large pull
        // page (thousands of rows of a dozen keys) would pay for. try_emplace
        // leaves `k` as it was when the key is there already.
        auto [member, inserted] = m_open.back()->get_ref<json::object_t &>().try_emplace(std::move(k));
        if (!inserted) {
            return fail(Tr::tr("the key \"%1\" appears twice in one object")
                            .arg(QString::fromStdString(k.substr(0, kMaxQuoted))),
                        keyStart());
        }
        m_member = &member->second;
        return true;
    }
    bool end_object()
    {
        m_open.pop_back();
        return true;
    }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_array()
    {
        m_open.pop_back();
        return true;
    }

    // `position` counts the bytes nlohmann read, up to the one it choked on.
    template<typename Exception> bool parse_error(std::size_t position, const std::string &, const Exception &ex)
    {
        std::string what = ex.what();
        // "[json.exception.out_of_range.406] number overflow parsing '1e400'"
        if (ex.id == 406) {
            const std::size_t quote = what.find('\'');
            const std::string literal
                = quote == std::string::npos ? std::string() : what.substr(quote + 1, what.size() - quote - 2);
            return outOfRange(literal);
        }
        // nlohmann's text already says where; drop its "[json.exception…] "
        // tag and its own "parse error at line…" so the place is said once.
        if (const std::size_t tag = what.find("] "); tag != std::string::npos)
            what.erase(0, tag + 2);
        if (const std::size_t colon = what.find(": "); what.rfind("parse error", 0) == 0 && colon != std::string::npos)
            what.erase(0, colon + 2);
        return fail(QString::fromStdString(what), position > 0 ? position - 1 : 0);
    }

    json takeResult() { return std::move(m_root); }
    const Error &error() const { return m_error; }

private:
    static constexpr std::size_t kMaxQuoted = 40;

    json *place(json &&value)
    {
        if (m_open.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        if (m_open.back()->is_array()) {
            m_open.back()->emplace_back(std::move(value));
            return &m_open.back()->back();
        }
        *m_member = std::move(value);
        return m_member;
    }
    bool add(json &&value)
    {
        place(std::move(value));
        return true;
    }
    bool open(json &&container)
    {
        if (m_open.size() >= std::size_t(StrictJson::kMaxDepth))
            return fail(Tr::tr("values are nested deeper than %1 levels").arg(StrictJson::kMaxDepth), lastRead());
        m_open.push_back(place(std::move(container)));
        return true;
    }
    // The byte the lexer read last: the bracket that opened a container.
    std::size_t lastRead() const { return m_consumed > 0 ? m_consumed - 1 : 0; }
    // The opening quote of the key just read (the lexer stopped after its
    // closing quote); a quote after an odd number of backslashes is escaped.
    std::size_t keyStart() const
    {
        std::size_t i = lastRead();
        while (i > 0) {
            --i;
            if (m_bytes[qsizetype(i)] != '"')
                continue;
            std::size_t slashes = 0;
            while (slashes < i && m_bytes[qsizetype(i - slashes - 1)] == '\\')
                ++slashes;
            if (slashes % 2 == 0)
                return i;
        }
        return 0;
    }
    // A number's literal ends at most one byte before what the lexer read
    // (it looks one byte ahead), so it is found by searching back.
    bool outOfRange(const std::string &literal)
    {
        const QByteArrayView text(literal.data(), qsizetype(literal.size()));
        const qsizetype at
            = m_bytes.first(qsizetype(std::min(m_consumed, std::size_t(m_bytes.size())))).lastIndexOf(text);
        return fail(Tr::tr("the number %1 is out of range").arg(QString::fromStdString(literal.substr(0, kMaxQuoted))),
                    at < 0 ? lastRead() : std::size_t(at));
    }
    bool fail(const QString &problem, std::size_t index)
    {
        // Line and column of the byte at `index` (one past the end at the end).
        const std::size_t end = std::min(index, std::size_t(m_bytes.size()));
        int line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < end; ++i) {
            if (m_bytes[qsizetype(i)] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        m_error = Error::make(ErrorCode::InvalidJson,
                              Tr::tr("The JSON is not valid: %1 (line %2, column %3).")
                                  .arg(problem)
                                  .arg(line)
                                  .arg(qulonglong(end - lineStart + 1)));
        return false;
    }

    QByteArrayView m_bytes;
    const std::size_t &m_consumed;
    json m_root;
    std::vector<json *> m_open;
    json *m_member = nullptr;
    Error m_error;
};

} // namespace

Result<nlohmann::json> StrictJson::parse(QByteArrayView bytes)
{
    std::size_t consumed = 0;
    try {
        Builder builder(bytes, consumed);
        const char *begin = bytes.data() ? bytes.data() : "";
        const char *end = begin + bytes.size();
        const bool ok = nlohmann::json::sax_parse(CountingIterator(begin, begin, &consumed),
                                                  CountingIterator(begin, end, nullptr), &builder);
        if (!ok)
            return builder.error();
        return builder.takeResult();
    } catch (const std::exception &e) {
        // Only running out of memory is left to land here.
        return Error::make(ErrorCode::InvalidJson,
                           Tr::tr("The JSON could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace quire::shared
