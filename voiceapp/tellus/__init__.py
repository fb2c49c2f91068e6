"""Tell Us, We Care: messages to senior leaders, their replies, staff notes and status history."""
