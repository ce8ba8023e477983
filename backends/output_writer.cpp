#include "backends/output_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cairn::backends {
namespace fs = std::filesystem;
namespace {

std::string lastError() { return std::error_code(errno, std::generic_category()).message(); }

// Writes all of `content` to `fd`, retrying short writes and interruptions.
bool writeAll(int fd, llvm::StringRef content) {
  const char *data = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    data += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

// A new file with `content` (the `dir` tree; no fsync per file: the swap is
// what makes the tree appear at once, and 40,000 fsyncs would dominate).
bool createFile(const fs::path &path, llvm::StringRef content, std::string &error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = lastError();
    return false;
  }
  bool ok = writeAll(fd, content);
  if (!ok)
    error = lastError();
  if (::close(fd) != 0 && ok) {
    error = lastError();
    ok = false;
  }
  return ok;
}

// The parent of `path`, created if missing.
bool ensureParent(const fs::path &path, fs::path &parent, std::string &error) {
  parent = path.parent_path();
  if (parent.empty())
    parent = ".";
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) {
    error = ec.message();
    return false;
  }
  return true;
}

// `path` without a trailing separator ("out/" -> "out").
fs::path withoutTrailingSlash(const fs::path &path) {
  fs::path clean = path.lexically_normal();
  return clean.has_filename() ? clean : clean.parent_path();
}

// Refuses to replace anything but an empty directory or an earlier cairn output.
bool mayReplace(const fs::path &dir, std::string &error) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(dir, ec);
  if (!fs::exists(status))
    return true;
  if (fs::is_symlink(status)) {
    error = "it is a symbolic link; give the directory itself";
    return false;
  }
  if (!fs::is_directory(status)) {
    error = "it exists and is not a directory";
    return false;
  }
  if (fs::is_empty(dir, ec) || fs::exists(dir / kOutputMarker, ec))
    return true;
  error = fmt::format("the directory exists and was not written by cairn (it has no `{}` file); "
                      "remove it or choose another directory",
                      kOutputMarker);
  return false;
}

bool writeTree(const fs::path &root, llvm::ArrayRef<OutputFile> files, std::string &error) {
  std::error_code ec;
  fs::permissions(root, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec, ec);
  if (!createFile(root / kOutputMarker, "This directory is written by cairn and replaced on every build.\n", error))
    return false;
  for (const OutputFile &file : files) {
    fs::path path = root / file.path;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      error = ec.message();
      return false;
    }
    if (!createFile(path, file.content, error))
      return false;
  }
  return true;
}

// Puts `fresh` where `dir` is; `dir` may not exist yet. The old tree is removed.
bool swapIn(const fs::path &fresh, const fs::path &dir, std::string &error) {
  if (::rename(fresh.c_str(), dir.c_str()) == 0)
    return true; // `dir` did not exist, or was an empty directory
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
    std::error_code ec;
    fs::remove_all(fresh, ec); // now holds the old tree
    return true;
  }
  // No atomic exchange on this file system: move the old tree aside first.
  std::string aside = fresh.string() + "-old";
  if (::rename(dir.c_str(), aside.c_str()) != 0 || ::rename(fresh.c_str(), dir.c_str()) != 0) {
    error = lastError();
    ::rename(aside.c_str(), dir.c_str()); // put the old tree back if it was moved
    return false;
  }
  std::error_code ec;
  fs::remove_all(aside, ec);
  return true;
}

} // namespace

// A temporary file beside `path` that `fill` writes, then fsync and rename
// over `path`; removed again on any failure.
static bool replaceFileAtomically(const fs::path &target, llvm::function_ref<bool(int fd, std::string &error)> fill,
                                  std::string &error, TempPaths *temps) {
  std::error_code ec;
  if (fs::is_directory(target, ec)) {
    error = "it is a directory";
    return false;
  }
  struct stat existing;
  if (::stat(target.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    // A device, a pipe or a socket (`-o /dev/stdout`, `-o /dev/null`) is
    // written in place: renaming over it would replace the device itself.
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
      error = lastError();
      return false;
    }
    bool ok = fill(fd, error);
    if (::close(fd) != 0 && ok) {
      error = lastError();
      ok = false;
    }
    return ok;
  }
  // Through a link, the file it points to is replaced and the link kept.
  fs::path path = fs::is_symlink(target, ec) ? fs::weakly_canonical(target, ec) : target;
  fs::path parent;
  if (!ensureParent(path, parent, error))
    return false;
  std::string temp = (parent / ("." + path.filename().string() + ".cairn-tmp-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = lastError();
    return false;
  }
  TempPathScope registered(temps, temp);
  mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
  bool ok = ::fchmod(fd, mode) == 0;
  if (!ok)
    error = lastError();
  ok = ok && fill(fd, error);
  if (ok && ::fsync(fd) != 0) {
    error = lastError();
    ok = false;
  }
  if (::close(fd) != 0 && ok) {
    error = lastError();
    ok = false;
  }
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    error = lastError();
    ok = false;
  }
  if (!ok)
    ::unlink(temp.c_str());
  return ok;
}

bool writeFileAtomically(const fs::path &path, llvm::StringRef content, std::string &error, TempPaths *temps) {
  return replaceFileAtomically(
      path,
      [&](int fd, std::string &err) {
        if (writeAll(fd, content))
          return true;
        err = lastError();
        return false;
      },
      error, temps);
}

bool replaceDirectory(const fs::path &target, llvm::ArrayRef<OutputFile> files, std::string &error,
                      TempPaths *temps) {
  fs::path dir = withoutTrailingSlash(target);
  fs::path parent;
  if (!mayReplace(dir, error) || !ensureParent(dir, parent, error))
    return false;
  std::string temp = (parent / ("." + dir.filename().string() + ".cairn-tmp-XXXXXX")).string();
  if (::mkdtemp(temp.data()) == nullptr) {
    error = lastError();
    return false;
  }
  TempPathScope registered(temps, temp);
  if (writeTree(temp, files, error) && swapIn(temp, dir, error))
    return true;
  std::error_code ec;
  fs::remove_all(temp, ec);
  return false;
}

namespace {

// A stream to a file: written while it is rendered, into a temporary file
// that replaces the target only when everything succeeded (the output of
// fleet(10000) no longer sits in memory twice).
bool streamToFile(const Emitter &emitter, llvm::ArrayRef<eval::Value> documents, const OutputTarget &target,
                  DiagnosticSink &diags) {
  bool rendered = false, ran = false, tooLarge = false;
  uint64_t written = 0;
  std::string error;
  bool ok = replaceFileAtomically(
      *target.path,
      [&](int fd, std::string &err) {
        ran = true;
        rendered = emitter.renderStream(documents, diags, [&](llvm::StringRef text) {
          written += text.size();
          if (written > target.maxBytes) {
            tooLarge = true;
            return false;
          }
          if (writeAll(fd, text))
            return true;
          err = lastError();
          return false;
        });
        return rendered;
      },
      error, target.temps);
  if (ok)
    return true;
  if (tooLarge) {
    diags.report(DiagKind::OutputTooLarge, Span{}, target.maxBytes);
    return false;
  }
  if (ran && !rendered && error.empty())
    return false; // problems in the documents, reported by the emitter
  if (!ran) {
    // The file could not even be started: report the documents' own
    // problems first, as when everything is rendered before writing.
    RenderedOutput unused;
    if (!emitter.render(documents, unused, diags))
      return false;
  }
  diags.report(DiagKind::OutputWriteFailed, Span{}, target.displayPath, error)
      .note("nothing was written; any earlier output is unchanged");
  return false;
}

} // namespace

bool emitDocuments(const Emitter &emitter, llvm::ArrayRef<eval::Value> documents, const OutputTarget &target,
                   std::ostream &standardOutput, DiagnosticSink &diags) {
  bool directory = emitter.shape() == OutputShape::Directory;
  if (target.path && !directory)
    return streamToFile(emitter, documents, target, diags);
  RenderedOutput rendered;
  if (!emitter.render(documents, rendered, diags))
    return false;
  if (rendered.size() > target.maxBytes) {
    diags.report(DiagKind::OutputTooLarge, Span{}, target.maxBytes);
    return false;
  }
  std::string error;
  if (!target.path) {
    if (directory) {
      diags.report(DiagKind::OutputWriteFailed, Span{}, "standard output",
                   fmt::format("the `{}` format writes a directory; name it with `-o DIR`", emitter.name().str()));
      return false;
    }
    // Standard output gets nothing unless everything rendered, so the whole
    // output is held in memory first.
    standardOutput.write(rendered.stream.data(), static_cast<std::streamsize>(rendered.stream.size()));
    standardOutput.flush();
    if (!standardOutput) {
      diags.report(DiagKind::OutputWriteFailed, Span{}, "standard output", "the stream failed");
      return false;
    }
    return true;
  }
  if (!replaceDirectory(*target.path, rendered.files, error, target.temps)) {
    diags.report(DiagKind::OutputWriteFailed, Span{}, target.displayPath, error)
        .note("nothing was written; any earlier output is unchanged");
    return false;
  }
  return true;
}

} // namespace cairn::backends
