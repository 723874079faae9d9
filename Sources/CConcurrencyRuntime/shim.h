// The concurrency runtime's "which task is running on this thread" (nil outside tasks),
// declared with its real calling convention. BigFloat's per-thread precision slot compares it
// to the task that opened the scope; `withUnsafeCurrentTask` costs ~10x more per call.
#ifndef QBATTERY_CCONCURRENCYRUNTIME_H
#define QBATTERY_CCONCURRENCYRUNTIME_H
__attribute__((swiftcall)) const void *_Nullable swift_task_getCurrent(void);
static inline const void *_Nullable qb_current_task(void) { return swift_task_getCurrent(); }
#endif
