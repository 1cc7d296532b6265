#pragma once

// The operations till-bench measures, each in a function of its own, in the order they run.

#include "models/db/databaseurl.h"
#include "models/domain/product.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>

class Database;
class Services;

//! What the operations share: the store, the services signed in as the bench's cashier.
struct BenchRun
{
    Database &db;
    Services &services;
    const DatabaseUrl &url;
    QString till;          //!< the executable whose start-up is timed
    int storeProducts = 0; //!< how many products the scale seeds
    qint64 cashier = 0;
    QList<Product> products;
    QRandomGenerator rng{7};
};

//! Measures every operation --only asks for (all when it names none).
void measureOperations(BenchRun &bench);
