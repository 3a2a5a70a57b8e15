#pragma once
// Files compiled into the binary by cmake/embed_files.cmake.

#include <span>
#include <string_view>

namespace careops::embedded {

struct File {
  std::string_view path;  // relative, '/'-separated: "sqlite/0001_init.sql", "assets/app.js"
  std::string_view data;  // the file's bytes; lives for the whole program
};

// Every file under migrations/, e.g. "sqlite/0001_init.sql". Sorted by path.
std::span<const File> Migrations();
// Every file under web/dist/ when built with CAREOPS_EMBED_WEB, else empty. Sorted by path.
std::span<const File> WebAssets();

}  // namespace careops::embedded
