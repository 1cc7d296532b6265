#pragma once

#include "models/domain/cart.h"

#include <QByteArray>

#include <optional>

/*!
 * A cart as JSON, for parking it in the database and recalling it on any lane. Money
 * and ids are written as strings of digits, never through a double.
 */
namespace CartCodec {
QByteArray toJson(const Cart &cart);
std::optional<Cart> fromJson(const QByteArray &json);
} // namespace CartCodec
