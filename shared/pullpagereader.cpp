// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/pullpagereader.h"

#include "shared/strictjson.h"
#include "shared/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <simdjson.h>
#include <string_view>
#include <vector>

namespace quire::shared {

namespace {

using SyncProtocol::Change;
using SyncProtocol::PullResponse;
using json = nlohmann::json;
namespace dom = simdjson::dom;

// An escaped UTF-16 surrogate ("\ud800"): nlohmann refuses one that is not
// part of a pair, and simdjson's handling differs between versions, so a
// page with any is left to the general path (rows rarely hold one: the
// server writes characters beyond the BMP as UTF-8, not as escapes).
bool mayHoldEscapedSurrogate(QByteArrayView bytes)
{
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    while (p < end) {
        p = static_cast<const char *>(std::memchr(p, '\\', std::size_t(end - p)));
        if (!p || end - p < 4)
            return false;
        if (p[1] == 'u' && (p[2] == 'd' || p[2] == 'D') && std::strchr("89abcdefABCDEF", p[3]) && p[3] != '\0')
            return true;
        p += 2; // the escaped character is never the start of another escape
    }
    return false;
}

// True when no key appears twice among `keys` (StrictJson refuses a key twice).
bool distinct(std::vector<std::string_view> &keys)
{
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) == keys.end();
}

// Builds `out` from `element` as StrictJson would have read it, or returns
// false where StrictJson might disagree or refuse. `level` is the nesting
// level a container at `element` would have (the page itself is level 1).
bool build(dom::element element, int level, json &out)
{
    switch (element.type()) {
    case dom::element_type::OBJECT: {
        if (level > StrictJson::kMaxDepth)
            return false;
        dom::object fields;
        if (element.get(fields) != simdjson::SUCCESS)
            return false;
        out = json::object();
        auto &object = out.get_ref<json::object_t &>();
        for (dom::key_value_pair field : fields) {
            auto [member, inserted] = object.try_emplace(std::string(field.key));
            if (!inserted || !build(field.value, level + 1, member->second))
                return false;
        }
        return true;
    }
    case dom::element_type::ARRAY: {
        if (level > StrictJson::kMaxDepth)
            return false;
        dom::array items;
        if (element.get(items) != simdjson::SUCCESS)
            return false;
        out = json::array();
        auto &array = out.get_ref<json::array_t &>();
        for (dom::element item : items) {
            array.emplace_back();
            if (!build(item, level + 1, array.back()))
                return false;
        }
        return true;
    }
    case dom::element_type::INT64: {
        // nlohmann keeps a number written without a sign as unsigned.
        const std::int64_t v = element.get_int64().value_unsafe();
        out = v >= 0 ? json(std::uint64_t(v)) : json(v);
        return true;
    }
    case dom::element_type::UINT64:
        out = element.get_uint64().value_unsafe();
        return true;
    case dom::element_type::DOUBLE: {
        // A zero may be an underflow StrictJson refuses (or "-0"), a whole
        // number this large may have been written without a fraction,
        // which StrictJson refuses: the literal decides, which only the
        // general path sees.
        const double v = element.get_double().value_unsafe();
        if (v == 0 || (std::fabs(v) >= 9.2e18 && std::floor(v) == v))
            return false;
        out = v;
        return true;
    }
    case dom::element_type::STRING:
        out = std::string(element.get_string().value_unsafe());
        return true;
    case dom::element_type::BOOL:
        out = element.get_bool().value_unsafe();
        return true;
    case dom::element_type::NULL_VALUE:
        out = nullptr;
        return true;
    }
    return false;
}

// A value that is read only to be dropped must still be one StrictJson takes.
bool acceptable(dom::element element, int level)
{
    json ignored;
    return build(element, level, ignored);
}

QString text(std::string_view bytes)
{
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

// One change as Change::fromJson would read it (the change object is level 3).
bool readChange(dom::element element, std::vector<std::string_view> &keys, Change &c)
{
    dom::object fields;
    if (element.get(fields) != simdjson::SUCCESS)
        return false;
    constexpr int kLevel = 3;
    keys.clear();
    bool haveTable = false, haveId = false, haveRev = false, haveOp = false;
    for (dom::key_value_pair field : fields) {
        keys.push_back(field.key);
        const dom::element_type type = field.value.type();
        const bool isString = type == dom::element_type::STRING;
        if (field.key == "table" && isString) {
            c.table = text(field.value.get_string().value_unsafe());
            haveTable = true;
        } else if (field.key == "id" && isString) {
            c.id = text(field.value.get_string().value_unsafe());
            haveId = true;
        } else if (field.key == "op" && isString) {
            const std::optional<Change::Kind> kind
                = SyncProtocol::changeKindFromName(text(field.value.get_string().value_unsafe()));
            if (!kind)
                return false;
            c.kind = *kind;
            haveOp = true;
        } else if (field.key == "rev" && type == dom::element_type::INT64) {
            c.rev = field.value.get_int64().value_unsafe();
            haveRev = true;
        } else if (field.key == "reason" && isString) {
            c.reason = text(field.value.get_string().value_unsafe());
        } else if (field.key == "row" && type == dom::element_type::OBJECT) {
            if (!build(field.value, kLevel + 1, c.row))
                return false;
        } else if (!acceptable(field.value, kLevel + 1)) {
            return false;
        }
    }
    // A required field missing or of the wrong type is an error the general path words.
    return haveTable && haveId && haveRev && haveOp && distinct(keys);
}

// The fast path's parser keeps its buffers from page to page.
dom::parser &parser()
{
    thread_local dom::parser p;
    return p;
}

} // namespace

std::optional<PullResponse> PullPageReader::readFast(QByteArrayView bytes)
{
    if (bytes.isEmpty() || mayHoldEscapedSurrogate(bytes))
        return std::nullopt;
    dom::object root;
    if (parser().parse(bytes.data(), std::size_t(bytes.size())).get(root) != simdjson::SUCCESS)
        return std::nullopt;
    PullResponse p;
    bool haveCursor = false, haveHasMore = false;
    std::vector<std::string_view> rootKeys;
    std::vector<std::string_view> changeKeys;
    for (dom::key_value_pair field : root) {
        rootKeys.push_back(field.key);
        const dom::element_type type = field.value.type();
        if (field.key == "cursor" && type == dom::element_type::STRING) {
            const std::string_view cursor = field.value.get_string().value_unsafe();
            p.cursor = Utf8::decode(QByteArrayView(cursor.data(), qsizetype(cursor.size())));
            haveCursor = true;
        } else if (field.key == "has_more" && type == dom::element_type::BOOL) {
            p.hasMore = field.value.get_bool().value_unsafe();
            haveHasMore = true;
        } else if (field.key == "changes" && type == dom::element_type::ARRAY) {
            dom::array changes;
            if (field.value.get(changes) != simdjson::SUCCESS)
                return std::nullopt;
            p.changes.reserve(qsizetype(changes.size()));
            for (dom::element item : changes) {
                Change c;
                if (!readChange(item, changeKeys, c))
                    return std::nullopt;
                p.changes.append(std::move(c));
            }
        } else {
            // "changes" that is no array is ignored by the general path, but
            // nothing else is left for it to word: leave it that case too.
            return std::nullopt;
        }
    }
    if (!haveCursor || !haveHasMore || !distinct(rootKeys))
        return std::nullopt;
    return p;
}

Result<PullResponse> PullPageReader::readGeneral(QByteArrayView bytes)
{
    Result<json> parsed = StrictJson::parse(bytes);
    if (!parsed)
        return parsed.error();
    return PullResponse::fromJson(std::move(parsed.value()));
}

Result<PullResponse> PullPageReader::read(QByteArrayView bytes)
{
    if (std::optional<PullResponse> page = readFast(bytes))
        return std::move(*page);
    return readGeneral(bytes);
}

} // namespace quire::shared
