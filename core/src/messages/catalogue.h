// The parts of the one message catalogue, one per area, each a constant table in its own file.
// message.cpp joins them; a new area adds a file here and a line in message.cpp.
#pragma once

#include <span>

#include "anju/message.h"

namespace anju::messages {

std::span<const MessageText> validationMessages();
std::span<const MessageText> storeMessages();
std::span<const MessageText> syncClientMessages();
std::span<const MessageText> checklistMessages();
std::span<const MessageText> serverMessages();
std::span<const MessageText> serverAdminMessages();
std::span<const MessageText> labelMessages();

}  // namespace anju::messages
