// The order in which an object's fields are written, shared by every format.
#include <llvm/ADT/STLExtras.h>

#include "eval/value_writer.h"

namespace cairn::eval {

llvm::SmallVector<const eval::ObjectField *, 16> outputFields(const eval::ObjectData &object, bool topLevel,
                                                              const WriteOptions &options) {
  static constexpr llvm::StringLiteral kFirst[] = {"apiVersion", "kind", "metadata"};
  bool reorder = topLevel && options.kubernetesKeyOrder;
  auto skipped = [&](const eval::ObjectField &field) {
    return options.omitNullFields && field.value.isNull();
  };
  llvm::SmallVector<const eval::ObjectField *, 16> fields;
  if (reorder)
    for (llvm::StringRef name : kFirst)
      if (const eval::ObjectField *field = object.find(name); field && !skipped(*field))
        fields.push_back(field);
  for (const eval::ObjectField &field : object.fields) {
    if (skipped(field))
      continue;
    if (reorder && llvm::is_contained(kFirst, field.name))
      continue;
    fields.push_back(&field);
  }
  return fields;
}

} // namespace cairn::eval
