// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QString;

namespace quire::server {

// Takes the WebSocket connections of one worker (the live notices).
//
// Contract:
// - An upgrade request whose path `takesUpgrade` goes through to Qt's
//   WebSocket server when every middleware allowsUpgrade(); Qt then emits
//   QAbstractHttpServer::newWebSocketConnection on the worker's endpoint,
//   which the handler listens to (it gets the endpoint in WorkerHost). Any
//   other upgrade is routed like a plain request (and refused there).
// - `closeAll` closes every socket it holds: the worker stops accepting.
// - Lives in the worker's thread; the worker's application owns it and
//   destroys it before the endpoint.
class UpgradeHandler
{
public:
    virtual ~UpgradeHandler() = default;

    virtual bool takesUpgrade(const QString &path) const = 0;
    virtual void closeAll() = 0;
};

} // namespace quire::server
