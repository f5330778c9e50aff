'use strict';

/**
 * The events that reached this thread through the engine's event callback (forwarded by the
 * callback thread). While the engine has listeners they are emitted at once. Otherwise they are
 * kept for pollEvent(): when the last listener leaves, the callback is removed, but events it
 * had already taken may still be on their way from the callback thread. Such an event is older
 * than anything the library's queue can return from then on, so it goes to the oldest waiting
 * poll, or is kept, in sequence order, for the next one; a poll only asks the library once those
 * have all arrived (see Engine#pollLibrary).
 */
class EventInbox {
  #events = [];
  #waitingPolls = [];
  #listening = false;
  #emit;

  /** @param emit emits one event to the listeners. */
  constructor(emit) {
    this.#emit = emit;
  }

  get listening() {
    return this.#listening;
  }

  set listening(listening) {
    this.#listening = listening;
    if (listening && this.#events.length > 0) {
      // Set from a 'newListener' hook: the new listener is attached only after it returns.
      queueMicrotask(() => this.#handOut());
    }
  }

  /** Takes an event from the callback. */
  deliver(event) {
    this.#events.push(event);
    this.#handOut();
  }

  /**
   * The oldest kept event, else the result of pollLibrary(isStillWaiting) (an event or null),
   * unless an event from the callback arrives first; then isStillWaiting() turns false, and
   * whatever pollLibrary still returns is kept for the next poll.
   */
  receive(pollLibrary) {
    if (this.#events.length > 0) {
      return Promise.resolve(this.#events.shift());
    }
    return new Promise((resolve, reject) => {
      const waitingPoll = { resolve, reject };
      this.#waitingPolls.push(waitingPoll);
      pollLibrary(() => this.#waitingPolls.includes(waitingPoll)).then(
        (event) => {
          if (this.#stopWaiting(waitingPoll)) {
            resolve(event);
          } else if (event !== null) {
            this.#keep(event);
          }
        },
        (error) => {
          if (this.#stopWaiting(waitingPoll)) {
            reject(error);
          }
        },
      );
    });
  }

  /** Drops the kept events, as the library drops its queue when the engine is destroyed. */
  clear() {
    this.#events.length = 0;
  }

  #keep(event) {
    this.#events.push(event);
    this.#events.sort((first, second) => first.sequence - second.sequence);
    this.#handOut();
  }

  #handOut() {
    while (this.#events.length > 0) {
      if (this.#listening) {
        this.#emit(this.#events.shift());
      } else if (this.#waitingPolls.length > 0) {
        this.#waitingPolls.shift().resolve(this.#events.shift());
      } else {
        return;
      }
    }
  }

  #stopWaiting(waitingPoll) {
    const index = this.#waitingPolls.indexOf(waitingPoll);
    if (index < 0) {
      return false;
    }
    this.#waitingPolls.splice(index, 1);
    return true;
  }
}

module.exports = { EventInbox };
