-- Every button's callback data changed format with the callback codec (bot/callbacks). A form in
-- progress replays its stored taps against the new buttons and would not find them, so it would
-- resume at the wrong step. Such forms start over instead: their old buttons answer 「按钮已失效」
-- and the next message is handled as a new one. Forms are a few taps long; nothing else is stored here.
DELETE FROM "conversation_states";
