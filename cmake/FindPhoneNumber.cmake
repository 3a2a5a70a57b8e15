# libphonenumber ships no CMake config or .pc file: find it by hand.
# Defines PhoneNumber::PhoneNumber (the library plus protobuf, which its generated headers use).
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h)
find_library(PHONENUMBER_LIBRARY phonenumber)
find_library(PHONENUMBER_PROTOBUF_LIBRARY protobuf)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PhoneNumber DEFAULT_MSG
  PHONENUMBER_LIBRARY PHONENUMBER_PROTOBUF_LIBRARY PHONENUMBER_INCLUDE_DIR)
if(PhoneNumber_FOUND AND NOT TARGET PhoneNumber::PhoneNumber)
  add_library(PhoneNumber::PhoneNumber INTERFACE IMPORTED)
  set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${PHONENUMBER_LIBRARY};${PHONENUMBER_PROTOBUF_LIBRARY}")
endif()
