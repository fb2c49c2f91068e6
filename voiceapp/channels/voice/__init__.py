"""The voice channel: a spoken keypad menu for rating promises and leaving a Tell Us, We Care message."""
