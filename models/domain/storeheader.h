#pragma once

#include "models/domain/receipt.h"
#include "models/domain/storesettings.h"

#include <QHash>
#include <QString>

/*!
 * What heads a receipt or a report: the store's name, address and tax number, and the
 * currency symbol its figures are shown in, with the defaults of a store that never set them.
 */
struct StoreHeader
{
    QString name;
    QString address;
    QString taxId;
    QString currencySymbol;

    //! From a store's settings (SettingsRepository::all()).
    static StoreHeader from(const QHash<QString, QString> &settings)
    {
        return {Setting::StoreName.valueIn(settings), Setting::StoreAddress.valueIn(settings),
                Setting::StoreTaxId.valueIn(settings), Setting::CurrencySymbol.valueIn(settings)};
    }

    void applyTo(ReceiptData &receipt) const
    {
        receipt.storeName = name;
        receipt.storeAddress = address;
        receipt.taxId = taxId;
        receipt.currencySymbol = currencySymbol;
    }
};
