// readDocuments: stream pieces -> the fast block reader, or yaml-cpp events
// -> flat node arrays.
#include <algorithm>
#include <atomic>
#include <istream>
#include <streambuf>
#include <thread>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "manifest/block_reader.h"
#include "manifest/documents.h"
#include "manifest/node_builder.h"
#include "manifest/reader_choice.h"
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

// yaml-cpp's parser events into a NodeBuilder; marks are relative to `base`.
class YamlCppEvents : public YAML::EventHandler {
public:
  YamlCppEvents(NodeBuilder &builder, uint32_t base) : builder_(builder), base_(base) {}

  void OnDocumentStart(const YAML::Mark &) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { builder_.addNull(at(mark), anchor); }
  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override { builder_.addAlias(at(mark), anchor); }
  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override {
    // yaml-cpp tags non-plain scalars "!"; `!!str` forces a string too.
    builder_.addScalar(at(mark), value, tag == "!" || tag == "tag:yaml.org,2002:str", anchor);
  }
  void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    builder_.openSequence(at(mark), anchor);
  }
  void OnSequenceEnd() override { builder_.closeSequence(); }
  void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    builder_.openMapping(at(mark), anchor);
  }
  void OnMapEnd() override { builder_.closeMapping(); }

private:
  uint32_t at(const YAML::Mark &mark) const { return base_ + static_cast<uint32_t>(mark.pos < 0 ? 0 : mark.pos); }

  NodeBuilder &builder_;
  uint32_t base_;
};

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

// Keeps a parsed document unless it is empty; a YAML bomb loses its nodes.
void keepDocument(Document &&doc, const ReadLimits &limits, std::vector<Document> &out) {
  if (doc.root != kNoNode && doc.nodes[doc.root].expandedSize > limits.maxExpandedNodes) {
    doc.problems.report(DiagKind::ManifestTooLarge, doc.span(doc.root), limits.maxExpandedNodes)
        .withHint("aliases (`*name`) repeat their anchor's content; this is how YAML bombs work");
    doc.root = kNoNode;
  }
  bool empty = doc.root == kNoNode || doc.nodes[doc.root].kind == NodeKind::Null;
  if (!empty || !doc.problems.diagnostics().empty())
    out.push_back(std::move(doc));
}

// Parses one piece (one document, or several separated by `...`); true when
// the fast reader read it.
bool parsePiece(const SourceManager &sources, FileId file, StreamPiece piece, bool strictKeys,
                const ReadLimits &limits, ReaderChoice choice, Document &scratch, std::vector<Document> &out) {
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
    return false;
  }
  if (choice == ReaderChoice::FastFirst) {
    // Built in a scratch document reused across pieces, then copied at its
    // exact size: growing each document's arrays from empty cost a third
    // of `validate` in page faults and copies (perf).
    scratch.file = file;
    scratch.source = all;
    scratch.root = kNoNode;
    scratch.nodes.clear();
    scratch.scalarText.clear();
    scratch.problems = DiagnosticSink();
    NodeBuilder builder(scratch, limits, strictKeys);
    if (readBlockYaml(text, piece.begin, builder)) {
      Document doc = newDocument();
      doc.root = scratch.root;
      doc.nodes.assign(scratch.nodes.begin(), scratch.nodes.end());
      doc.scalarText.assign(scratch.scalarText);
      doc.problems = std::move(scratch.problems);
      keepDocument(std::move(doc), limits, out);
      return true;
    }
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
      return false;
    }
    try {
      NodeBuilder builder(doc, limits, strictKeys);
      YamlCppEvents events(builder, base);
      if (!parser.HandleNextDocument(events))
        return false;
    } catch (const NestingTooDeep &deep) {
      doc.root = kNoNode;
      doc.problems.report(DiagKind::ManifestTooDeep, Span{file, deep.offset, deep.offset + 1}, limits.maxDepth);
      out.push_back(std::move(doc));
      return false;
    } catch (const YAML::DeepRecursion &e) {
      uint32_t at = std::min(base + static_cast<uint32_t>(std::max(e.mark.pos, 0)), piece.end);
      doc.root = kNoNode;
      doc.problems.report(DiagKind::ManifestTooDeep, Span{file, at, at}, limits.maxDepth);
      out.push_back(std::move(doc));
      return false;
    } catch (const YAML::Exception &e) {
      uint32_t at = base + static_cast<uint32_t>(e.mark.is_null() || e.mark.pos < 0 ? 0 : e.mark.pos);
      at = std::min(at, piece.end);
      doc.root = kNoNode;
      LineCol where = sources.lineCol(file, at);
      auto [message, hint] = parserMessage(e.msg, sources.file(file).lineText(where.line));
      doc.problems.report(DiagKind::ManifestSyntax, Span{file, at, at}, message).withHint(hint);
      out.push_back(std::move(doc));
      return false;
    }
    keepDocument(std::move(doc), limits, out);
  }
}

} // namespace

std::vector<Document> readDocuments(const SourceManager &sources, FileId file, bool strictKeys,
                                    const ReadLimits &limits) {
  return readDocumentsWith(sources, file, strictKeys, limits, ReaderChoice::FastFirst);
}

// Parsing was most of the cost of `validate` and `lint`, so the pieces of a
// large stream are parsed on every core. Each thread fills its own vector;
// joined in order, the result is the same as a single-threaded read.
std::vector<Document> readDocumentsWith(const SourceManager &sources, FileId file, bool strictKeys,
                                        const ReadLimits &limits, ReaderChoice choice, size_t *fastPieces) {
  std::vector<StreamPiece> pieces;
  for (const StreamPiece &piece : splitStream(sources.file(file).text()))
    if (piece.hasContent)
      pieces.push_back(piece);
  constexpr size_t kPiecesPerThread = 64; // below this, a thread costs more than it saves
  size_t threads = std::min<size_t>({std::max(1u, std::thread::hardware_concurrency()), 8,
                                     (pieces.size() + kPiecesPerThread - 1) / kPiecesPerThread});
  std::atomic<size_t> fast{0};
  auto parseRange = [&](size_t begin, size_t end, std::vector<Document> &out) {
    size_t count = 0;
    Document scratch;
    for (size_t i = begin; i < end; ++i)
      count += parsePiece(sources, file, pieces[i], strictKeys, limits, choice, scratch, out) ? 1 : 0;
    fast += count;
  };
  if (fastPieces != nullptr)
    *fastPieces = 0;
  auto countFast = [&] {
    if (fastPieces != nullptr)
      *fastPieces = fast;
  };
  if (threads <= 1) {
    std::vector<Document> documents;
    parseRange(0, pieces.size(), documents);
    countFast();
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
  countFast();
  return documents;
}

} // namespace cairn::manifest
