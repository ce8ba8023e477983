// dumpDocuments: documents as text, so two readers' results compare exactly
// and a difference shows where it is.
#include <fmt/format.h>

#include "manifest/reader_choice.h"

namespace cairn::manifest {
namespace {

const char *kindName(NodeKind kind) {
  switch (kind) {
  case NodeKind::Null: return "null";
  case NodeKind::Scalar: return "scalar";
  case NodeKind::Sequence: return "seq";
  case NodeKind::Mapping: return "map";
  case NodeKind::Alias: return "alias";
  }
  return "?";
}

void dumpNode(const Document &doc, NodeId id, std::string &out) {
  const Node &n = doc.node(id);
  out += fmt::format("  #{} {} @{} quoted={} first={} next={} count={} target={} size={}", id, kindName(n.kind),
                     n.offset, n.quoted, static_cast<int64_t>(n.firstChild == kNoNode ? -1 : n.firstChild),
                     static_cast<int64_t>(n.nextSibling == kNoNode ? -1 : n.nextSibling), n.childCount,
                     static_cast<int64_t>(n.target == kNoNode ? -1 : n.target), n.expandedSize);
  if (n.kind == NodeKind::Scalar) {
    out += " text=";
    for (char c : doc.text(id))
      out += (static_cast<unsigned char>(c) < 0x20 || c == '\\') ? fmt::format("\\x{:02x}", c) : std::string(1, c);
  }
  out += '\n';
}

void dumpDiagnostic(const Diagnostic &d, std::string &out) {
  out += fmt::format("  problem {} {}..{} {}\n", d.code(), d.span.begin, d.span.end, d.message);
  for (const Label &label : d.labels)
    out += fmt::format("    label {}..{} {}\n", label.span.begin, label.span.end, label.message);
  for (const std::string &note : d.notes)
    out += fmt::format("    note {}\n", note);
  if (!d.hint.empty())
    out += fmt::format("    hint {}\n", d.hint);
}

} // namespace

std::string dumpDocuments(const std::vector<Document> &documents) {
  std::string out;
  for (const Document &doc : documents) {
    out += fmt::format("document {}..{} root={} nodes={}\n", doc.begin, doc.end,
                       static_cast<int64_t>(doc.root == kNoNode ? -1 : doc.root), doc.nodes.size());
    for (NodeId id = 0; id < doc.nodes.size(); ++id)
      dumpNode(doc, id, out);
    for (const Diagnostic &d : doc.problems.diagnostics())
      dumpDiagnostic(d, out);
  }
  return out;
}

} // namespace cairn::manifest
