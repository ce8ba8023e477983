// A layout document in the style of Wadler's "prettier printer": text, line
// break opportunities, indentation and groups that are printed flat when they
// fit in the line width and broken (every line of the group a newline)
// otherwise. The formatter builds one document per file; `printDoc` lays it out.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

namespace cairn::format {

using DocId = uint32_t;

enum class DocKind : uint8_t {
  Text,     // literal text (may contain newlines: multi-line strings, block comments)
  Line,     // a space when flat, a newline when broken
  SoftLine, // nothing when flat, a newline when broken
  HardLine, // always a newline; breaks every enclosing group
  BlankLine,// always an empty line (at most one in a row); breaks every enclosing group
  IfBreak,  // `text` only when the enclosing group is broken
  IfFlat,   // `text` only when the enclosing group is flat
  Concat,
  Indent,   // children one indentation level deeper after their newlines
  Align,    // children indented to the column where they start
  Group,
  // After `=`: the value on the same line if it fits there, else on the next
  // line (indented) if it fits there, else on the same line broken inside.
  AssignedValue,
};

struct DocNode {
  DocKind kind;
  bool hard = false;        // contains a HardLine/BlankLine, or a forced break
  llvm::StringRef text;     // Text, IfBreak, IfFlat
  uint32_t childBegin = 0;  // Concat, Indent, Group: children in DocBuilder::children_
  uint32_t childCount = 0;
};

// Owns the nodes of one document. Children are built before their parents,
// so whether a group must break is known when it is created.
class DocBuilder {
public:
  DocId text(llvm::StringRef text);            // text must outlive the builder
  DocId ownedText(std::string text);
  DocId line() { return leaf(DocKind::Line); }
  DocId softLine() { return leaf(DocKind::SoftLine); }
  DocId hardLine() { return leaf(DocKind::HardLine); }
  DocId blankLine() { return leaf(DocKind::BlankLine); }
  DocId ifBreak(llvm::StringRef text);
  DocId ifFlat(llvm::StringRef text);
  DocId concat(llvm::ArrayRef<DocId> parts);
  DocId indent(llvm::ArrayRef<DocId> parts);
  DocId align(llvm::ArrayRef<DocId> parts);
  // `forceBreak`: printed broken even when it would fit.
  DocId group(llvm::ArrayRef<DocId> parts, bool forceBreak = false);
  DocId empty() { return concat({}); }
  DocId assignedValue(DocId value) { return container(DocKind::AssignedValue, {value}, false); }

  const DocNode &node(DocId id) const { return nodes_[id]; }
  llvm::ArrayRef<DocId> children(const DocNode &node) const {
    return llvm::ArrayRef<DocId>(children_).slice(node.childBegin, node.childCount);
  }

private:
  DocId leaf(DocKind kind);
  DocId container(DocKind kind, llvm::ArrayRef<DocId> parts, bool forceBreak);

  std::vector<DocNode> nodes_;
  std::vector<DocId> children_;
  std::deque<std::string> owned_;
};

// Lays out `root`. Newlines are emitted lazily: several line breaks in a row
// make one newline (two for a BlankLine), spaces at the start of a line and
// trailing spaces are dropped, and the text ends with exactly one newline.
std::string printDoc(const DocBuilder &docs, DocId root, unsigned indentWidth, unsigned maxWidth);

} // namespace cairn::format
