// The evaluator's internal run-time structures: lexical environments,
// function values, and the inputs of an object under construction.
// Emitters never see these (FunctionData is opaque to them).
#pragma once

#include <memory>
#include <vector>

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringMap.h>

#include "eval/value.h"
#include "frontend/ast.h"
#include "typecheck/builtins.h"
#include "typecheck/types.h"

namespace cairn::eval {

// Thrown after an error has been reported: unwinds to the nearest top-level
// item (an `emit`, a `let` collected for `cairn eval`), which is abandoned.
struct EvalAbort {};

// One local binding. Frames form linked lists that live in the C++ frames of
// the evaluator (a let, a call, a loop iteration), so binding allocates
// nothing; a lambda copies the chain it captures into the arena.
struct Frame {
  const Frame *parent;
  llvm::StringRef name;
  Value value;
};

struct SchemaScope;

// Where an expression is evaluated: its module, its locals and, inside a
// schema default or check, the instance being built.
struct Scope {
  const Frame *locals = nullptr;
  SchemaScope *schema = nullptr;
  uint32_t module = 0;
};

} // namespace cairn::eval

namespace cairn::eval {

struct FunctionData {
  enum class Kind : uint8_t { Declared, Lambda, Builtin };
  Kind kind = Kind::Declared;
  types::BuiltinId builtin{};
  uint32_t module = 0;
  uint32_t node = 0;   // DeclId index (Declared) or ExprId index (Lambda)
  Scope captured;      // Lambda: the environment it was created in
  llvm::StringRef name; // for messages: the fn or builtin name, "lambda" otherwise
};

struct InputGroup;

// One entry given to an object under construction: an expression still to be
// evaluated (literal entries), a value already computed (a `with` base's
// inputs, values files), or a group of nested entries (dotted paths, blocks).
struct FieldInput {
  enum class Kind : uint8_t { Expr, Value, Group };
  Kind kind = Kind::Expr;
  llvm::StringRef name;
  Span nameSpan;
  ast::ExprId expr;
  Scope scope;
  Value value;
  InputGroup *group = nullptr;
};

// The entries of one object to build. `type` is the object type (Schema, Map
// or Any; a union is resolved by the keys set). Under `with`, `base` is the
// object whose inputs the entries override.
struct InputGroup {
  types::TypeId type;
  const ObjectData *base = nullptr;
  Span span;     // the span the built value keeps
  Span diagSpan; // where E0402 / E0502 point
  // A nested block or dotted path: its map entries are checked here, as no
  // typed slot sees the nested value. A literal's root object is checked by
  // the slot it goes to (and an inferred map needs no check).
  bool nested = false;
  std::vector<FieldInput> inputs; // appended to; after any other change, call resetIndex()

  // The first input named `name`. Small groups are scanned; a large one (an
  // object literal with 200,000 fields) is indexed as it grows, so building
  // it is linear rather than quadratic.
  FieldInput *find(llvm::StringRef name) {
    if (inputs.size() <= kScanLimit) {
      for (FieldInput &input : inputs)
        if (input.name == name)
          return &input;
      return nullptr;
    }
    for (; indexed < inputs.size(); ++indexed)
      index.try_emplace(inputs[indexed].name, static_cast<uint32_t>(indexed));
    auto it = index.find(name);
    return it == index.end() ? nullptr : &inputs[it->second];
  }
  void resetIndex() {
    index.clear();
    indexed = 0;
  }

private:
  static constexpr size_t kScanLimit = 32;
  llvm::StringMap<uint32_t> index; // name -> first input with it, for inputs[0, indexed)
  size_t indexed = 0;
};

// InputGroups that were used and can be used again: building an object
// allocated a group and its input vector per nested object, and malloc/free
// were a tenth of evaluating fleet(10000) (perf). Owned by the evaluator.
class InputGroupPool {
public:
  InputGroup *take() {
    if (free_.empty()) {
      all_.push_back(std::make_unique<InputGroup>());
      return all_.back().get();
    }
    InputGroup *group = free_.back();
    free_.pop_back();
    return group;
  }
  void give(InputGroup *group) {
    group->inputs.clear(); // keeps the capacity
    group->resetIndex();
    free_.push_back(group);
  }

private:
  std::vector<std::unique_ptr<InputGroup>> all_;
  std::vector<InputGroup *> free_;
};

// The groups of one literal while it is evaluated; they go back to the pool
// when it is built (or abandoned).
class InputGroups {
public:
  explicit InputGroups(InputGroupPool &pool) : pool_(pool) {}
  ~InputGroups() {
    for (InputGroup *group : taken_)
      pool_.give(group);
  }
  InputGroups(const InputGroups &) = delete;
  InputGroups &operator=(const InputGroups &) = delete;

  InputGroup *make(types::TypeId type, Span span, Span diagSpan) {
    InputGroup *group = pool_.take();
    taken_.push_back(group);
    group->type = type;
    group->base = nullptr;
    group->span = span;
    group->diagSpan = diagSpan;
    group->nested = false;
    return group;
  }

private:
  InputGroupPool &pool_;
  llvm::SmallVector<InputGroup *, 8> taken_;
};

// One field of a schema instance under construction.
struct FieldSlot {
  enum State : uint8_t { Pending, Evaluating, Done, Absent };
  Value value;
  const FieldInput *input = nullptr;
  Span nameSpan;
  State state = Pending;
  bool explicitInput = false;
};

// A schema instance under construction. Its slots live on the evaluator's
// SlotStack and die with the instantiation. A lambda created by a default or
// a check may outlive it, so it captures `persisted` instead: a twin in the
// value arena that shares the slots while the instance is built and gets its
// own copy of them when the instantiation ends.
struct SchemaScope {
  uint32_t schemaIndex = 0;
  FieldSlot *slots = nullptr;
  Span diagSpan;
  bool inArena = false;             // this is a persisted twin
  SchemaScope *persisted = nullptr; // the twin, once a lambda captured this scope
};

} // namespace cairn::eval
