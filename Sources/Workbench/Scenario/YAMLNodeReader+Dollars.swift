import MoneyAndTime

extension YAMLNodeReader {
    /// A non-negative amount in dollars with at most two decimals (`7.00`), kept as exact cents,
    /// and at most `Money.largest`: an amount beyond it is refused here, at its line, rather than
    /// overflowing when it is multiplied or summed later. `example` shows a typical value.
    func dollars(_ field: YAMLField, example: String) throws(ScenarioError) -> Money {
        let text = try nonEmptyString(field)
        let money: Money
        do {
            money = try Money(decimal: text)
        } catch where error.reason == .tooLarge {
            throw self.error(field, "'\(text)' is more than \(Money.largest.decimalString), the largest amount accepted")
        } catch {
            throw self.error(field, "'\(text)' is not a price in dollars with at most two decimals, e.g. \(example)")
        }
        guard money.cents >= 0 else { throw self.error(field, "'\(text)' is negative; a price is at least 0.00, e.g. \(example)") }
        return money
    }
}
