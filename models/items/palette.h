#pragma once

#include <QColor>

/*!
 * The colours item models give their cells (Qt::ForegroundRole, Qt::BackgroundRole), in one
 * place so that every screen says "short", "up" or "a problem" in the same colour. Each text
 * colour reads on a white row and on the background it is paired with.
 */
namespace Palette {

//! A figure that is short, lost, failed or a rise in price: low stock, stock out, a refund
//! that cannot be given. The style sheet's error red.
inline constexpr QColor Negative{0xb0, 0x00, 0x20};
//! A figure that gained: stock in, a count over, a price that went down.
inline constexpr QColor Positive{0x2e, 0x7d, 0x4f};
//! A row that is done or out of use: archived products, settled bills, inactive users. Mid
//! grey steps back on light and dark palettes alike, so the rows that matter stand out.
inline constexpr QColor Muted{0x6b, 0x6b, 0x6b};
//! Something the cashier changed by hand, such as an overridden price: dark amber reads on
//! white and on the light red of a selected row, and is not the red of an error, since the
//! change is allowed and only worth a second look.
inline constexpr QColor Changed{0x8a, 0x4b, 0x00};

//! A row that needs attention, with its text: warm amber with dark text reads in light and
//! dark palettes alike.
inline constexpr QColor WarningBackground{0xff, 0xe8, 0xb0};
inline constexpr QColor WarningText{0x5c, 0x2b, 0x00};
//! A row that cannot be used as it is (an import row with an error, a unit in conflict).
inline constexpr QColor ProblemBackground{0xfd, 0xe7, 0xea};
inline constexpr QColor ProblemText{0x8a, 0x00, 0x19};

} // namespace Palette
