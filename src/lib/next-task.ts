/**
 * Resolves in a task of its own, queued now behind whatever is already waiting (a message channel's task, so
 * without the clamp browsers put on nested timers). Work deferred with it runs after the current task has
 * posted its messages, and before a task queued after it the same way.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
