// libFuzzer target; the work is in FuzzEntries.cpp, shared with the regression test.
#include "FuzzEntries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    qks::fuzz::fuzzSafetensors(data, size);
    return 0;
}
