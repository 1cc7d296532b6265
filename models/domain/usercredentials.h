#pragma once

#include "models/domain/pinhasher.h"
#include "models/domain/user.h"

#include <QDateTime>

//! A user row with what sign-in needs beyond the User value.
struct UserCredentials
{
    User user;
    PinHasher::Hashed pin;
    int failedAttempts = 0;
    QDateTime lockedUntil; //!< invalid when not locked
};
