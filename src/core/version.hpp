#pragma once

namespace careops {

// The release version, from CMake's project(VERSION).
inline constexpr const char* kVersion = CAREOPS_VERSION;

}  // namespace careops
