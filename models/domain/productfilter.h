#pragma once

#include "models/domain/product.h"

#include <QString>

//! What the product list shows: any mix of these narrows it.
struct ProductFilter
{
    QString text;          //!< part of the name, start of the SKU, or a whole barcode
    qint64 categoryId = 0; //!< 0: every category
    enum class Active { Any, Yes, No } active = Active::Yes;
    bool lowStockOnly = false;

    enum class Sort { Name, Sku, Stock };
    Sort sort = Sort::Name;
    bool descending = false;
};

//! Where the next page starts: the sort key and id of the last row shown.
struct ProductCursor
{
    QString text;      //!< name or SKU of the last row
    qint64 number = 0; //!< stock of the last row
    qint64 id = 0;     //!< 0: the first page
    static ProductCursor after(const Product &product, ProductFilter::Sort sort);
};
