-- A source may state a token's change over a window without its price ("risen 120.82% in the
-- past 90 days"), or qualify it ("risen over 120%"). Such a row holds the change alone.

ALTER TABLE token_prices ALTER COLUMN price_usd DROP NOT NULL;

ALTER TABLE token_prices
    ADD COLUMN qualifier text CHECK (qualifier IN ('about', 'nearly', 'over', 'under', 'up_to'));

ALTER TABLE token_prices
    ADD CONSTRAINT token_prices_states_a_figure
        CHECK (num_nonnulls(price_usd, change_30d, change_90d, change_1y) >= 1),
    -- A qualifier ("over") can only describe one figure unambiguously.
    ADD CONSTRAINT token_prices_qualifier_describes_one_figure
        CHECK (qualifier IS NULL OR num_nonnulls(price_usd, change_30d, change_90d, change_1y) = 1);
