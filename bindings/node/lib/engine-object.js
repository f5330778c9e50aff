'use strict';

const { EventEmitter } = require('node:events');

const EMIT = Symbol('voipcore.EngineObject.emit');
const HAS_LISTENERS = Symbol('voipcore.EngineObject.hasListeners');

/**
 * An object of an engine (an account, a call) that re-emits the engine's events about it.
 * Listening to it under one of listenerNames counts as listening to the engine, whose events
 * then go to listeners rather than to pollEvent(): the engine learns of each change through
 * hooks.listenerAdded() and hooks.listenersChanged(). Subclasses define [EMIT](event), which
 * the engine calls with each of its events that concerns the object, after its own listeners.
 */
class EngineObject extends EventEmitter {
  #listenerNames;
  #hooks;
  #onNewListener = (name) => {
    if (this.#listenerNames.has(name)) {
      this.#hooks.listenerAdded();
    }
  };
  #onRemoveListener = (name) => {
    if (this.#listenerNames.has(name)) {
      this.#hooks.listenersChanged();
    }
  };

  constructor(listenerNames, hooks) {
    super();
    this.#listenerNames = listenerNames;
    this.#hooks = hooks;
    this.#watchListeners();
  }

  removeAllListeners(...names) {
    super.removeAllListeners(...names);
    this.#watchListeners();
    this.#hooks.listenersChanged();
    return this;
  }

  /** @internal */
  [HAS_LISTENERS]() {
    return [...this.#listenerNames].some((name) => this.listenerCount(name) > 0);
  }

  // removeAllListeners() with no name removes these hooks too: put them back.
  #watchListeners() {
    if (!this.listeners('newListener').includes(this.#onNewListener)) {
      this.on('newListener', this.#onNewListener);
    }
    if (!this.listeners('removeListener').includes(this.#onRemoveListener)) {
      this.on('removeListener', this.#onRemoveListener);
    }
  }
}

module.exports = { EngineObject, EMIT, HAS_LISTENERS };
