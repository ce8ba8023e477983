#include "format/doc.h"

#include <algorithm>

namespace cairn::format {

DocId DocBuilder::text(llvm::StringRef text) {
  DocId id = leaf(DocKind::Text);
  nodes_[id].text = text;
  nodes_[id].hard = false;
  return id;
}

DocId DocBuilder::ownedText(std::string text) {
  owned_.push_back(std::move(text));
  return this->text(owned_.back());
}

DocId DocBuilder::ifBreak(llvm::StringRef text) {
  DocId id = leaf(DocKind::IfBreak);
  nodes_[id].text = text;
  return id;
}

DocId DocBuilder::ifFlat(llvm::StringRef text) {
  DocId id = leaf(DocKind::IfFlat);
  nodes_[id].text = text;
  return id;
}

DocId DocBuilder::concat(llvm::ArrayRef<DocId> parts) { return container(DocKind::Concat, parts, false); }
DocId DocBuilder::indent(llvm::ArrayRef<DocId> parts) { return container(DocKind::Indent, parts, false); }
DocId DocBuilder::align(llvm::ArrayRef<DocId> parts) { return container(DocKind::Align, parts, false); }
DocId DocBuilder::group(llvm::ArrayRef<DocId> parts, bool forceBreak) {
  return container(DocKind::Group, parts, forceBreak);
}

DocId DocBuilder::leaf(DocKind kind) {
  DocNode node{kind, false, {}, 0, 0};
  node.hard = kind == DocKind::HardLine || kind == DocKind::BlankLine;
  nodes_.push_back(node);
  return static_cast<DocId>(nodes_.size() - 1);
}

DocId DocBuilder::container(DocKind kind, llvm::ArrayRef<DocId> parts, bool forceBreak) {
  DocNode node{kind, false, {}, 0, 0};
  node.childBegin = static_cast<uint32_t>(children_.size());
  node.childCount = static_cast<uint32_t>(parts.size());
  node.hard = forceBreak;
  for (DocId part : parts) {
    node.hard = node.hard || nodes_[part].hard;
    children_.push_back(part);
  }
  nodes_.push_back(node);
  return static_cast<DocId>(nodes_.size() - 1);
}

namespace {

enum class Mode : uint8_t { Flat, Break };

struct Command {
  unsigned indent;
  Mode mode;
  DocId doc;
};

// Columns a text takes: code points, not bytes.
unsigned displayWidth(llvm::StringRef text) {
  unsigned width = 0;
  for (char c : text)
    width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

class Printer {
public:
  Printer(const DocBuilder &docs, unsigned indentWidth, unsigned maxWidth)
      : docs_(docs), indentWidth_(indentWidth), maxWidth_(maxWidth) {}

  std::string run(DocId root) {
    stack_.push_back({0, Mode::Break, root});
    while (!stack_.empty()) {
      Command cmd = stack_.back();
      stack_.pop_back();
      step(cmd);
    }
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n'))
      out_.pop_back();
    if (!out_.empty())
      out_ += '\n';
    return std::move(out_);
  }

private:
  void step(const Command &cmd) {
    const DocNode &node = docs_.node(cmd.doc);
    switch (node.kind) {
    case DocKind::Text: emitText(node.text); break;
    case DocKind::Line:
    case DocKind::SoftLine:
      // A line after a forced newline (a line comment) only sets its indent.
      if (cmd.mode == Mode::Break || pendingNewlines_ > 0)
        newline(cmd.indent, 1);
      else if (node.kind == DocKind::Line)
        emitText(" ");
      break;
    case DocKind::HardLine: newline(cmd.indent, 1); break;
    case DocKind::BlankLine: newline(cmd.indent, 2); break;
    case DocKind::IfBreak:
      if (cmd.mode == Mode::Break)
        emitText(node.text);
      break;
    case DocKind::IfFlat:
      if (cmd.mode == Mode::Flat)
        emitText(node.text);
      break;
    case DocKind::Concat: pushChildren(node, cmd.indent, cmd.mode); break;
    case DocKind::Indent: pushChildren(node, cmd.indent + indentWidth_, cmd.mode); break;
    case DocKind::Align: pushChildren(node, column(), cmd.mode); break;
    case DocKind::AssignedValue: assignedValue(cmd, node); break;
    case DocKind::Group: {
      Mode mode = Mode::Flat;
      if (node.hard || (cmd.mode == Mode::Break && !fits(cmd.doc)))
        mode = Mode::Break;
      pushChildren(node, cmd.indent, mode);
      break;
    }
    }
  }

  void assignedValue(const Command &cmd, const DocNode &node) {
    DocId value = docs_.children(node).front();
    if (!node.hard) {
      if (fits(value, 1)) {
        emitText(" ");
        stack_.push_back({cmd.indent, Mode::Flat, value});
        return;
      }
      unsigned nextIndent = cmd.indent + indentWidth_;
      if (fits(value, 0, static_cast<long>(maxWidth_) - nextIndent)) {
        newline(nextIndent, 1);
        stack_.push_back({nextIndent, Mode::Flat, value});
        return;
      }
    }
    emitText(" ");
    stack_.push_back({cmd.indent, Mode::Break, value});
  }

  void pushChildren(const DocNode &node, unsigned indent, Mode mode) {
    llvm::ArrayRef<DocId> children = docs_.children(node);
    for (auto it = children.rbegin(); it != children.rend(); ++it)
      stack_.push_back({indent, mode, *it});
  }

  // Whether `group` printed flat, followed by what comes after it up to the
  // next line break, fits in what is left of the current line.
  // `before`: columns taken before `group`; `width`: the room on the line
  // (default: what is left of the current line).
  bool fits(DocId group, unsigned before = 0, long width = -1) {
    long remaining = width >= 0 ? width : static_cast<long>(maxWidth_) - static_cast<long>(column());
    remaining -= before;
    std::vector<std::pair<DocId, Mode>> local{{group, Mode::Flat}};
    size_t restIndex = stack_.size();
    while (remaining >= 0) {
      if (local.empty()) {
        if (restIndex == 0)
          return true;
        --restIndex;
        local.push_back({stack_[restIndex].doc, stack_[restIndex].mode});
      }
      auto [id, mode] = local.back();
      local.pop_back();
      const DocNode &node = docs_.node(id);
      switch (node.kind) {
      case DocKind::Text: {
        size_t newlineAt = node.text.find('\n');
        remaining -= displayWidth(node.text.substr(0, newlineAt));
        if (newlineAt != llvm::StringRef::npos)
          return remaining >= 0;
        break;
      }
      case DocKind::Line:
        if (mode == Mode::Break)
          return true;
        remaining -= 1;
        break;
      case DocKind::SoftLine:
        if (mode == Mode::Break)
          return true;
        break;
      case DocKind::HardLine:
      case DocKind::BlankLine: return true;
      case DocKind::IfBreak:
        if (mode == Mode::Break)
          remaining -= displayWidth(node.text);
        break;
      case DocKind::IfFlat:
        if (mode == Mode::Flat)
          remaining -= displayWidth(node.text);
        break;
      case DocKind::Concat:
      case DocKind::Indent:
      case DocKind::Align:
      case DocKind::AssignedValue:
      case DocKind::Group: {
        Mode childMode = node.kind == DocKind::Group && node.hard ? Mode::Break : mode;
        llvm::ArrayRef<DocId> children = docs_.children(node);
        for (auto it = children.rbegin(); it != children.rend(); ++it)
          local.push_back({*it, childMode});
        break;
      }
      }
    }
    return false;
  }

  unsigned column() const { return pendingNewlines_ > 0 ? pendingIndent_ : column_; }

  void newline(unsigned indent, unsigned count) {
    pendingNewlines_ = std::max(pendingNewlines_, count);
    pendingIndent_ = indent;
  }

  void emitText(llvm::StringRef text) {
    bool atLineStart = pendingNewlines_ > 0 || out_.empty() || out_.back() == '\n';
    if (atLineStart)
      text = text.ltrim(' ');
    if (text.empty())
      return;
    if (pendingNewlines_ > 0) {
      while (!out_.empty() && out_.back() == ' ')
        out_.pop_back();
      if (!out_.empty())
        out_.append(pendingNewlines_, '\n');
      out_.append(pendingIndent_, ' ');
      column_ = pendingIndent_;
      pendingNewlines_ = 0;
    }
    out_ += text;
    size_t lastNewline = text.rfind('\n');
    if (lastNewline == llvm::StringRef::npos)
      column_ += displayWidth(text);
    else
      column_ = displayWidth(text.substr(lastNewline + 1));
  }

  const DocBuilder &docs_;
  unsigned indentWidth_;
  unsigned maxWidth_;
  std::vector<Command> stack_;
  std::string out_;
  unsigned column_ = 0;
  unsigned pendingNewlines_ = 0;
  unsigned pendingIndent_ = 0;
};

} // namespace

std::string printDoc(const DocBuilder &docs, DocId root, unsigned indentWidth, unsigned maxWidth) {
  return Printer(docs, indentWidth, maxWidth).run(root);
}

} // namespace cairn::format
