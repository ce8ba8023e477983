// The two bracketed list layouts shared by declarations and expressions.
// Internal to format/.
#pragma once

#include "format/layout.h"

namespace cairn::format {

template <typename Item, typename Build>
DocId Layout::delimited(antlr4::tree::TerminalNode *open, const std::vector<Item *> &items,
                        antlr4::tree::TerminalNode *close, Build build, bool hug) {
  if (items.empty()) {
    DocId openDoc = tok(open);
    DocId inside = leading(close->getSymbol(), false);
    return docs_.group({openDoc, docs_.indent({inside}), docs_.softLine(), tok(close)});
  }
  antlr4::Token *lastComma = commaAfter(items.back());
  size_t innerEnd = lastComma ? lastComma->getTokenIndex() : items.back()->getStop()->getTokenIndex();
  bool quiet = !hasComments(open->getSymbol()->getTokenIndex() + 1, items.front()->getStart()->getTokenIndex()) &&
               !hasComments(innerEnd + 1, close->getSymbol()->getTokenIndex());
  if (hug && items.size() == 1 && quiet) {
    DocId openDoc = tok(open);
    DocId item = this->item(items.front(), [&] { return build(items.front()); });
    DocId comma = silent(lastComma);
    return docs_.concat({openDoc, item, comma, tok(close)});
  }
  std::vector<DocId> inner{docs_.softLine()};
  DocId openDoc = tok(open);
  for (size_t i = 0; i < items.size(); ++i) {
    inner.push_back(leading(items[i]->getStart(), true));
    bool last = i + 1 == items.size();
    DocId separator = last ? docs_.ifBreak(",") : docs_.text(",");
    inner.push_back(item(items[i], [&] { return build(items[i]); }, separator));
    inner.push_back(silent(commaAfter(items[i])));
    if (!last)
      inner.push_back(docs_.line());
  }
  inner.push_back(leading(close->getSymbol(), false));
  return docs_.group({openDoc, docs_.indent(inner), docs_.softLine(), tok(close)});
}

template <typename Member, typename Build>
DocId Layout::memberBlock(antlr4::tree::TerminalNode *open, const std::vector<Member *> &members,
                          antlr4::tree::TerminalNode *close, Build build) {
  DocId openDoc = tok(open);
  std::vector<DocId> inner;
  for (Member *member : members) {
    inner.push_back(docs_.hardLine());
    inner.push_back(leading(member->getStart(), true));
    inner.push_back(item(member, [&] { return build(member); }));
    inner.push_back(silent(commaAfter(member)));
  }
  inner.push_back(leading(close->getSymbol(), false));
  bool empty = members.empty() && !hasComments(open->getSymbol()->getTokenIndex() + 1,
                                               close->getSymbol()->getTokenIndex());
  return docs_.concat({openDoc, docs_.indent(inner), empty ? docs_.empty() : docs_.hardLine(), tok(close)});
}

} // namespace cairn::format
