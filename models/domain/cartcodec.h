#pragma once

#include "models/domain/cart.h"

#include <QByteArray>

#include <optional>

/*!
 * A cart as JSON, for parking it in the database and recalling it on any lane. Money
 * and ids are written as strings of digits, never through a double. A manager's approvals
 * are not written: they live only as long as the cart on screen, so a cart read back asks
 * for them again.
 */
namespace CartCodec {
QByteArray toJson(const Cart &cart);
std::optional<Cart> fromJson(const QByteArray &json);
} // namespace CartCodec
