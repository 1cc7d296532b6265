#pragma once

#include <QList>

#include <algorithm>
#include <cmath>

//! The p-th percentile (0 to 1) of figures sorted ascending, by nearest rank; 0 for none.
inline double percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty()) {
        return 0;
    }
    const auto rank = static_cast<qsizetype>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}
