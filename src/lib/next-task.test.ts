import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask', () => {
  it('runs after the current task and its promise reactions, in the order the tasks were queued', async () => {
    const seen: string[] = [];
    const first = nextTask().then(() => seen.push('first task'));
    const second = nextTask().then(() => seen.push('second task'));
    void Promise.resolve().then(() => seen.push('promise reaction'));
    seen.push('this task');
    await Promise.all([first, second]);
    expect(seen).toEqual(['this task', 'promise reaction', 'first task', 'second task']);
  });
});
