#include "models/domain/storesettings.h"

QList<SettingKey> Setting::all()
{
    return {StoreName,          StoreAddress,     StoreTaxId,        Currency,
            CurrencySymbol,     PricesIncludeTax, CashRoundingMinor, CashierDiscountLimitBp,
            AllowNegativeStock, BlindCounts,      IdleLockMinutes,   MaxSignInAttempts,
            SignInLockSeconds};
}

QHash<QString, QString> Setting::defaults()
{
    QHash<QString, QString> values;
    for (const SettingKey &setting : all()) {
        values.insert(setting.key, setting.defaultValue);
    }
    return values;
}
