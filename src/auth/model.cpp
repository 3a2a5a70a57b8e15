#include "auth/model.hpp"

namespace careops::auth {

std::string_view PurposeName(CodePurpose purpose) {
  switch (purpose) {
    case CodePurpose::kVerifyPhone:
      return "verify_phone";
    case CodePurpose::kLogin2fa:
      return "login_2fa";
    case CodePurpose::kPasswordReset:
      return "password_reset";
    case CodePurpose::kChangePhone:
      return "change_phone";
  }
  return "verify_phone";
}

}  // namespace careops::auth
