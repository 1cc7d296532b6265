#pragma once

#include "models/domain/product.h"

#include <QString>

//! One key of the favourites grid: what it sells and where it sits.
struct QuickKey
{
    //! Keys on one page of the grid: as many as the shortcuts Alt+1 ... Alt+=.
    static constexpr int kKeysPerPage = 12;
    //! Pages a manager may fill; positions run from 0 to kPages * kKeysPerPage - 1.
    static constexpr int kPages = 9;
    static constexpr int kMaxPosition = kPages * kKeysPerPage - 1;

    int position = 0; //!< 0-based: page * kKeysPerPage + slot; gaps are empty keys
    QString label;    //!< the manager's text for the key; empty: the product's name
    ScannedUnit item; //!< the unit it sells, with its product and tax

    int page() const { return position / kKeysPerPage; }
    int slot() const { return position % kKeysPerPage; }
    //! What the key says: the label, or the product's name.
    QString text() const { return label.isEmpty() ? item.product.name : label; }
};
