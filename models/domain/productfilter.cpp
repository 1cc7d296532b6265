#include "models/domain/productfilter.h"

ProductCursor ProductCursor::after(const Product &product, ProductFilter::Sort sort)
{
    ProductCursor cursor;
    cursor.id = product.id;
    cursor.number = product.stockBase;
    cursor.text = sort == ProductFilter::Sort::Sku ? product.sku : product.name;
    return cursor;
}
