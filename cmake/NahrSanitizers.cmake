# NAHR_SANITIZE=ON builds everything, plugins included, with ASan + UBSan.
if(NAHR_SANITIZE)
  set(_nahr_san "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined")
  string(APPEND CMAKE_CXX_FLAGS " ${_nahr_san}")
  string(APPEND CMAKE_EXE_LINKER_FLAGS " ${_nahr_san}")
  string(APPEND CMAKE_MODULE_LINKER_FLAGS " ${_nahr_san}")
  string(APPEND CMAKE_SHARED_LINKER_FLAGS " ${_nahr_san}")
endif()
