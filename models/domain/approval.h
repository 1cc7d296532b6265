#pragma once

#include "models/domain/permissions.h"

#include <QString>

#include <memory>

/*!
 * A manager's yes to one action, given on the spot with their PIN. It grants exactly the
 * permission it names, to the user who asked, once: the first service that accepts it
 * uses it up, and every copy shares that state, so it cannot be handed on or reused.
 * A default-constructed Approval grants nothing. Only the Authorizer makes them.
 */
class Approval
{
public:
    Approval() = default;

    bool isGranted() const { return m_state != nullptr; }
    bool isUsed() const { return m_state && m_state->used; }
    Permission permission() const { return m_state ? m_state->permission : Permission::Sell; }
    qint64 approverId() const { return m_state ? m_state->approverId : 0; }
    QString approverName() const { return m_state ? m_state->approverName : QString(); }
    qint64 requesterId() const { return m_state ? m_state->requesterId : 0; }

    //! The same approval (copies share one state); two approvals given for the same thing are not.
    friend bool operator==(const Approval &a, const Approval &b) { return a.m_state == b.m_state; }

private:
    friend class Authorizer;
    struct State
    {
        Permission permission;
        qint64 approverId;
        QString approverName;
        qint64 requesterId;
        bool used = false;
    };
    explicit Approval(State state)
        : m_state(std::make_shared<State>(std::move(state)))
    {}

    std::shared_ptr<State> m_state;
};
