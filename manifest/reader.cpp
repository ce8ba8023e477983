// readDocuments: stream pieces -> yaml-cpp events -> flat node arrays.
#include <algorithm>
#include <deque>
#include <istream>
#include <streambuf>
#include <thread>

#include <fmt/format.h>
#include <llvm/ADT/StringMap.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "manifest/documents.h"
#include "manifest/stream_split.h"

namespace cairn::manifest {
namespace {

// An istream over a document's text (no copy) followed by a synthetic
// document marker: yaml-cpp accepts a quoted scalar left open at the end of
// its input, but reports one that runs into a `---`, as the API server's
// decoder does.
class PieceBuffer : public std::streambuf {
public:
  explicit PieceBuffer(llvm::StringRef text) {
    char *begin = const_cast<char *>(text.data());
    setg(begin, begin, begin + text.size());
  }

protected:
  int_type underflow() override {
    if (gptr() < egptr())
      return traits_type::to_int_type(*gptr());
    if (inText_) {
      inText_ = false;
      char *marker = const_cast<char *>(kMarker);
      setg(marker, marker, marker + sizeof(kMarker) - 1);
      return traits_type::to_int_type(*gptr());
    }
    return traits_type::eof();
  }

private:
  static constexpr char kMarker[] = "\n---\n";
  bool inText_ = true;
};

struct NestingTooDeep {
  uint32_t offset;
};

uint32_t saturatingAdd(uint32_t a, uint32_t b) { return a > UINT32_MAX - b ? UINT32_MAX : a + b; }

// Builds one document's nodes from parser events. Collections stay open on a
// stack; children are linked as they arrive.
class NodeBuilder : public YAML::EventHandler {
public:
  NodeBuilder(Document &doc, uint32_t base, const ReadLimits &limits, bool strictKeys)
      : doc_(doc), base_(base), limits_(limits), strictKeys_(strictKeys) {}

  void OnDocumentStart(const YAML::Mark &) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    add(NodeKind::Null, mark, anchor);
  }
  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override;
  void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(NodeKind::Sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(NodeKind::Mapping, mark, anchor);
  }
  void OnMapEnd() override {
    checkKeys(stack_.back().id);
    close();
  }

private:
  struct Open {
    NodeId id;
    NodeId lastChild;
  };

  NodeId add(NodeKind kind, const YAML::Mark &mark, YAML::anchor_t anchor);
  void open(NodeKind kind, const YAML::Mark &mark, YAML::anchor_t anchor);
  void close();
  void checkKeys(NodeId map);

  Document &doc_;
  uint32_t base_;
  const ReadLimits &limits_;
  bool strictKeys_;
  std::vector<Open> stack_;
  std::vector<NodeId> anchors_; // by yaml-cpp's anchor id
};

NodeId NodeBuilder::add(NodeKind kind, const YAML::Mark &mark, YAML::anchor_t anchor) {
  NodeId id = static_cast<NodeId>(doc_.nodes.size());
  Node node;
  node.kind = kind;
  node.offset = base_ + static_cast<uint32_t>(mark.pos < 0 ? 0 : mark.pos);
  doc_.nodes.push_back(node);
  if (stack_.empty()) {
    if (doc_.root == kNoNode)
      doc_.root = id;
  } else {
    Open &parent = stack_.back();
    if (parent.lastChild == kNoNode)
      doc_.nodes[parent.id].firstChild = id;
    else
      doc_.nodes[parent.lastChild].nextSibling = id;
    parent.lastChild = id;
    ++doc_.nodes[parent.id].childCount;
  }
  if (anchor != YAML::NullAnchor) {
    if (anchors_.size() <= anchor)
      anchors_.resize(anchor + 1, kNoNode);
    anchors_[anchor] = id;
  }
  return id;
}

void NodeBuilder::OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) {
  NodeId id = add(NodeKind::Alias, mark, YAML::NullAnchor);
  NodeId target = anchor < anchors_.size() ? anchors_[anchor] : kNoNode;
  Node &node = doc_.nodes[id];
  node.target = target;
  // An alias of a collection that is still open is a cycle: infinitely large.
  node.expandedSize = target == kNoNode ? 1
                      : doc_.nodes[target].expandedSize == 0 ? UINT32_MAX
                                                             : doc_.nodes[target].expandedSize;
}

void NodeBuilder::OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                           const std::string &value) {
  NodeId id = add(NodeKind::Scalar, mark, anchor);
  Node &node = doc_.nodes[id];
  // yaml-cpp tags non-plain scalars "!"; `!!str` forces a string too.
  node.quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
  node.textBegin = static_cast<uint32_t>(doc_.scalarText.size());
  node.textLength = static_cast<uint32_t>(value.size());
  doc_.scalarText += value;
}

void NodeBuilder::open(NodeKind kind, const YAML::Mark &mark, YAML::anchor_t anchor) {
  NodeId id = add(kind, mark, anchor);
  doc_.nodes[id].expandedSize = 0; // marks it open (see OnAlias)
  stack_.push_back({id, kNoNode});
  if (stack_.size() > limits_.maxDepth)
    throw NestingTooDeep{doc_.nodes[id].offset};
}

void NodeBuilder::close() {
  NodeId id = stack_.back().id;
  stack_.pop_back();
  uint32_t size = 1;
  for (NodeId child = doc_.nodes[id].firstChild; child != kNoNode; child = doc_.nodes[child].nextSibling)
    size = saturatingAdd(size, doc_.nodes[child].expandedSize);
  doc_.nodes[id].expandedSize = size;
}

// Keys must become JSON strings; a repeated key is an error (strict) or a
// warning (the API server's decoder keeps the last value).
void NodeBuilder::checkKeys(NodeId map) {
  // Most mappings are small: compare pairwise, without building a set.
  llvm::SmallVector<std::pair<llvm::StringRef, NodeId>, 16> keys;
  std::deque<std::string> converted; // keys that differ from their text (`on` -> "true"); stable addresses
  for (NodeId k = doc_.nodes[map].firstChild; k != kNoNode;) {
    NodeId value = doc_.nodes[k].nextSibling;
    NodeId resolved = doc_.resolve(k);
    const Node &keyNode = doc_.nodes[resolved == kNoNode ? k : resolved];
    std::string storage;
    std::optional<llvm::StringRef> key;
    if (keyNode.kind == NodeKind::Scalar)
      key = keyRef(doc_.text(resolved), keyNode.quoted, storage);
    if (!key) {
      const char *found = keyNode.kind == NodeKind::Mapping ? "a mapping"
                          : keyNode.kind == NodeKind::Sequence ? "a list" : "null";
      doc_.problems.report(DiagKind::ManifestComplexKey, doc_.span(k), found)
          .withHint("JSON (and so the API server) only has string keys; quote the key");
    } else if (!(*key == "<<" && !keyNode.quoted)) {
      if (key->data() == storage.data()) {
        converted.push_back(std::move(storage));
        key = llvm::StringRef(converted.back());
      }
      keys.push_back({*key, k});
    }
    k = value == kNoNode ? kNoNode : doc_.nodes[value].nextSibling;
  }
  auto report = [&](size_t first, size_t second) {
    doc_.problems
        .report(strictKeys_ ? DiagKind::ManifestDuplicateKey : DiagKind::ManifestDuplicateKeyIgnored,
                doc_.span(keys[second].second), keys[second].first.str())
        .label(doc_.span(keys[first].second), "first set here")
        .withHint("remove one of them");
  };
  if (keys.size() <= 32) {
    for (size_t i = 1; i < keys.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (keys[i].first == keys[j].first) {
          report(j, i);
          break;
        }
    return;
  }
  llvm::StringMap<size_t> seen;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto [it, inserted] = seen.try_emplace(keys[i].first, i);
    if (!inserted)
      report(it->second, i);
  }
}

// yaml-cpp's message, and advice for the usual causes.
std::pair<std::string, std::string> parserMessage(const std::string &msg, llvm::StringRef line) {
  std::string hint = "check the indentation, the `:` after each key and the quoting on this line";
  if (line.take_while([](char c) { return c == ' ' || c == '\t'; }).contains('\t'))
    hint = "YAML does not allow tabs for indentation; use spaces";
  if (msg == "illegal document indicator in scalar")
    return {"a quoted string is not closed before the end of the document", "close the quote"};
  if (msg == "end of sequence flow not found")
    return {"a `[` is never closed", "add the missing `]`"};
  if (msg == "end of map flow not found")
    return {"a `{` is never closed", "add the missing `}`"};
  // yaml-cpp: "the referenced anchor is not defined"
  if (msg.find("anchor is not defined") != std::string::npos)
    return {"alias to an anchor that is not defined in this document",
            "define the anchor (`&name`) before the alias (`*name`) in the same document: anchors do not "
            "carry over from one `---` document to the next"};
  return {msg.empty() ? std::string("malformed document") : msg, hint};
}

// Parses one piece (one document, or several separated by `...`).
void parsePiece(const SourceManager &sources, FileId file, StreamPiece piece, bool strictKeys,
                const ReadLimits &limits, std::vector<Document> &out) {
  llvm::StringRef all = sources.file(file).text();
  llvm::StringRef text = all.slice(piece.begin, piece.end);
  auto newDocument = [&] {
    Document doc;
    doc.file = file;
    doc.source = all;
    doc.begin = piece.begin;
    doc.end = piece.end;
    return doc;
  };
  bool isNul = false;
  size_t bad = findInvalidByte(text, isNul);
  if (bad != SIZE_MAX) {
    Document doc = newDocument();
    Span at{file, piece.begin + static_cast<uint32_t>(bad), piece.begin + static_cast<uint32_t>(bad) + 1};
    if (isNul)
      doc.problems.report(DiagKind::ManifestSyntax, at, "a NUL byte is not allowed in YAML")
          .withHint("the file may be binary or UTF-16; save it as UTF-8 text");
    else
      doc.problems.report(DiagKind::InputNotUtf8, at, sources.file(file).path())
          .note(fmt::format("the byte 0x{:02x} does not start a valid UTF-8 sequence here",
                            static_cast<unsigned char>(text[bad])))
          .withHint("save the file as UTF-8");
    out.push_back(std::move(doc));
    return;
  }
  PieceBuffer buffer(text);
  std::istream stream(&buffer);
  YAML::Parser parser(stream);
  // yaml-cpp skips a byte order mark without counting it in its positions.
  uint32_t base = piece.begin + (text.startswith("\xEF\xBB\xBF") ? 3 : 0);
  // A piece holds one document per `...` end marker, plus one. yaml-cpp 0.7
  // can return empty documents forever on a stray token (a `,` outside a flow
  // collection) without consuming it; more documents than markers means that.
  size_t maxDocuments = 2;
  for (size_t at = text.find("\n..."); at != llvm::StringRef::npos; at = text.find("\n...", at + 1))
    ++maxDocuments;
  for (size_t count = 0;; ++count) {
    Document doc = newDocument();
    if (count > maxDocuments) {
      // Point at the document's first line, after its `---` marker.
      uint32_t at = base;
      if (text.startswith("---") && text.find('\n') != llvm::StringRef::npos)
        at = piece.begin + static_cast<uint32_t>(text.find('\n') + 1);
      doc.problems.report(DiagKind::ManifestSyntax, Span{file, at, at}, "the YAML parser cannot read this document")
          .withHint("look for a stray `,`, `]` or `}` outside brackets, or quote the value that holds it");
      out.push_back(std::move(doc));
      return;
    }
    try {
      NodeBuilder builder(doc, base, limits, strictKeys);
      if (!parser.HandleNextDocument(builder))
        return;
    } catch (const NestingTooDeep &deep) {
      doc.root = kNoNode;
      doc.problems.report(DiagKind::ManifestTooDeep, Span{file, deep.offset, deep.offset + 1}, limits.maxDepth);
      out.push_back(std::move(doc));
      return;
    } catch (const YAML::DeepRecursion &e) {
      uint32_t at = std::min(base + static_cast<uint32_t>(std::max(e.mark.pos, 0)), piece.end);
      doc.root = kNoNode;
      doc.problems.report(DiagKind::ManifestTooDeep, Span{file, at, at}, limits.maxDepth);
      out.push_back(std::move(doc));
      return;
    } catch (const YAML::Exception &e) {
      uint32_t at = base + static_cast<uint32_t>(e.mark.is_null() || e.mark.pos < 0 ? 0 : e.mark.pos);
      at = std::min(at, piece.end);
      doc.root = kNoNode;
      LineCol where = sources.lineCol(file, at);
      auto [message, hint] = parserMessage(e.msg, sources.file(file).lineText(where.line));
      doc.problems.report(DiagKind::ManifestSyntax, Span{file, at, at}, message).withHint(hint);
      out.push_back(std::move(doc));
      return;
    }
    if (doc.root != kNoNode && doc.nodes[doc.root].expandedSize > limits.maxExpandedNodes) {
      doc.problems.report(DiagKind::ManifestTooLarge, doc.span(doc.root), limits.maxExpandedNodes)
          .withHint("aliases (`*name`) repeat their anchor's content; this is how YAML bombs work");
      doc.root = kNoNode;
    }
    bool empty = doc.root == kNoNode || doc.nodes[doc.root].kind == NodeKind::Null;
    if (!empty || !doc.problems.diagnostics().empty())
      out.push_back(std::move(doc));
  }
}

} // namespace

// yaml-cpp reads about 8 MB/s here and is most of the cost of `validate` and
// `lint` (measured with perf: 60% of a 10,000-object lint), so the pieces of
// a large stream are parsed on every core. Each thread fills its own vector;
// joined in order, the result is the same as a single-threaded read.
std::vector<Document> readDocuments(const SourceManager &sources, FileId file, bool strictKeys,
                                    const ReadLimits &limits) {
  std::vector<StreamPiece> pieces;
  for (const StreamPiece &piece : splitStream(sources.file(file).text()))
    if (piece.hasContent)
      pieces.push_back(piece);
  constexpr size_t kPiecesPerThread = 64; // below this, a thread costs more than it saves
  size_t threads = std::min<size_t>({std::max(1u, std::thread::hardware_concurrency()), 8,
                                     (pieces.size() + kPiecesPerThread - 1) / kPiecesPerThread});
  auto parseRange = [&](size_t begin, size_t end, std::vector<Document> &out) {
    for (size_t i = begin; i < end; ++i)
      parsePiece(sources, file, pieces[i], strictKeys, limits, out);
  };
  if (threads <= 1) {
    std::vector<Document> documents;
    parseRange(0, pieces.size(), documents);
    return documents;
  }
  std::vector<std::vector<Document>> parts(threads);
  std::vector<std::thread> workers;
  size_t chunk = (pieces.size() + threads - 1) / threads;
  for (size_t t = 1; t < threads; ++t)
    workers.emplace_back(parseRange, std::min(t * chunk, pieces.size()), std::min((t + 1) * chunk, pieces.size()),
                         std::ref(parts[t]));
  parseRange(0, std::min(chunk, pieces.size()), parts[0]);
  for (std::thread &worker : workers)
    worker.join();
  std::vector<Document> documents = std::move(parts[0]);
  for (size_t t = 1; t < threads; ++t)
    for (Document &doc : parts[t])
      documents.push_back(std::move(doc));
  return documents;
}

} // namespace cairn::manifest
