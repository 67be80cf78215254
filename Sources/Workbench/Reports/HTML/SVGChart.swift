import MoneyAndTime

/// A chart as the HTML template draws it: every coordinate computed here, in whole pixels, so the
/// SVG is plain data and its bytes depend on nothing but the figures. Every chart carries its
/// numbers as a table too (the text alternative), and bars carry patterns and value labels, so
/// nothing depends on telling colours apart.
struct SVGChart: Sendable {
    struct Bar: Sendable {
        var x: Int, y: Int, width: Int, height: Int
        /// Solid (DO cost) or hatched (revenue): told apart without colour.
        var solid: Bool
        var label: String
        /// Drawn after every bar, so a taller neighbour never covers it; left out where bars are
        /// too narrow for it to be read (the chart's table has every figure).
        var labelled: Bool
        var labelX: Int, labelY: Int
    }

    struct Tick: Sendable {
        var x: Int, y: Int
        var text: String
        /// `start`, `middle` or `end`: the outer ticks of a time axis stay inside the picture.
        var anchor = "middle"
    }

    struct Gridline: Sendable {
        var y: Int
        var x1: Int, x2: Int
    }

    struct LegendItem: Sendable {
        var x: Int, y: Int
        var solid: Bool
        var text: String
        var textX: Int, textY: Int
    }

    struct Table: Sendable {
        struct Row: Sendable {
            var cells: [String]
        }

        var caption: String
        var columns: [String]
        var rows: [Row]

        init(caption: String, columns: [String], rows: [[String]]) {
            self.caption = caption
            self.columns = columns
            self.rows = rows.map(Row.init)
        }
    }

    // Stored, not computed: the template reads properties by reflection.
    var id: String
    var title: String
    var summary: String
    var width = 640
    var height = 260
    var axisY: Int
    var axisX1 = Self.left
    var axisX2: Int
    var bars: [Bar] = []
    /// Polyline points (`x,y x,y …`), for a line chart.
    var line: String?
    var xTicks: [Tick] = []
    var yTicks: [Tick] = []
    var gridlines: [Gridline] = []
    var legend: [LegendItem] = []
    var table: Table

    static let left = 72, right = 16, top = 28, bottom = 40

    init(id: String, title: String, summary: String, table: Table) {
        self.id = id
        self.title = title
        self.summary = summary
        self.table = table
        axisY = height - Self.bottom
        axisX2 = width - Self.right
    }

    /// About how wide an 11 px label is: a month (`2026-04`), and one character of an amount.
    static let monthLabelWidth = 50
    static let labelCharacterWidth = 6

    var plotWidth: Int { width - Self.left - Self.right }
    var plotHeight: Int { height - Self.top - Self.bottom }

    /// A ceiling of `value` that divides into four round steps (1, 2 or 5 × 10ⁿ each), or `value`
    /// itself when no such ceiling fits in 64 bits.
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 0 else { return 4 }
        var magnitude = 1
        while magnitude <= value / 4 / 10 { magnitude *= 10 }
        for factor in [4, 8, 20, 40, 80, 200] {
            let ceiling = factor.multipliedReportingOverflow(by: magnitude)
            if ceiling.overflow { break }
            if ceiling.partialValue >= value { return ceiling.partialValue }
        }
        return value
    }

    /// `value`'s share of `maximum` in `length` pixels, in 128 bits: amounts may be near 64 bits'
    /// limit, and a report must render them rather than trap.
    static func scaled(_ value: Int, of maximum: Int, to length: Int) -> Int {
        Int(Int128(length) * Int128(value) / Int128(maximum))
    }

    mutating func addYAxis(maximum: Int, format: (Int) -> String) {
        for step in 0...4 {
            let y = axisY - plotHeight * step / 4
            yTicks.append(Tick(x: Self.left - 8, y: y + 4, text: format(Self.scaled(step, of: 4, to: maximum))))
            gridlines.append(Gridline(y: y, x1: Self.left, x2: width - Self.right))
        }
    }

    /// Bars grouped by category (a month), one bar per series in each group.
    static func bars(id: String, title: String, summary: String, categories: [String], series: [(name: String, solid: Bool, values: [Money?])],
                     table: Table) -> SVGChart {
        var chart = SVGChart(id: id, title: title, summary: summary, table: table)
        let maximum = niceCeiling(series.flatMap { $0.values.compactMap { $0?.cents } }.max() ?? 0)
        // Whole dollars where every tick is one: a $2 ceiling's ticks were "$0 $1 $1 $2 $2".
        chart.addYAxis(maximum: maximum) { Dollars.text(Money(cents: $0), wholeDollars: maximum % 400 == 0) }
        let groupWidth = chart.plotWidth / max(categories.count, 1)
        let barWidth = max(4, min(64, (groupWidth - 16) / max(series.count, 1)))
        // A month's label is about 46 px wide: past a dozen months only every n-th fits.
        let labelEvery = max(1, (Self.monthLabelWidth + groupWidth - 1) / groupWidth)
        for (index, category) in categories.enumerated() {
            let groupX = Self.left + groupWidth * index + (groupWidth - barWidth * series.count) / 2
            if index % labelEvery == 0 {
                chart.xTicks.append(Tick(x: Self.left + groupWidth * index + groupWidth / 2, y: chart.axisY + 20, text: category))
            }
            for (number, serie) in series.enumerated() {
                guard let value = serie.values[index] else { continue }
                let height = Self.scaled(value.cents, of: maximum, to: chart.plotHeight)
                let x = groupX + barWidth * number
                // Cents below $1,000, so a label is the amount ($1.57, not "$2"); whole dollars above.
                let label = Dollars.text(value, wholeDollars: value.cents.magnitude >= 100_000)
                chart.bars.append(Bar(x: x, y: chart.axisY - height, width: barWidth - 2, height: height, solid: serie.solid, label: label,
                                      labelled: label.count * Self.labelCharacterWidth <= barWidth + 4,
                                      labelX: x + barWidth / 2 - 1, labelY: chart.axisY - height - 4))
            }
        }
        if series.count > 1 {
            chart.legend = series.enumerated().map { number, serie in
                let x = Self.left + 170 * number
                return LegendItem(x: x, y: 8, solid: serie.solid, text: serie.name, textX: x + 18, textY: 19)
            }
        }
        return chart
    }

    /// A step line of a count over time.
    static func steps(id: String, title: String, summary: String, from start: Timestamp, to end: Timestamp,
                      points: [(at: Timestamp, value: Int)], table: Table) -> SVGChart {
        var chart = SVGChart(id: id, title: title, summary: summary, table: table)
        let maximum = niceCeiling(points.map(\.value).max() ?? 0)
        chart.addYAxis(maximum: maximum) { String($0) }
        let span = max(end - start, 1)
        func x(_ at: Timestamp) -> Int { Self.left + Int(Int64(chart.plotWidth) * Int64(min(max(at - start, 0), span)) / span) }
        func y(_ value: Int) -> Int { chart.axisY - Self.scaled(value, of: maximum, to: chart.plotHeight) }
        var coordinates: [String] = []
        var previous = 0
        for point in points {
            coordinates.append("\(x(point.at)),\(y(previous))")
            coordinates.append("\(x(point.at)),\(y(point.value))")
            previous = point.value
        }
        coordinates.append("\(x(end)),\(y(previous))")
        chart.line = coordinates.joined(separator: " ")
        // A span of a few days is labelled to the minute (`04-01 12:00`), a longer one by day.
        let withTime = span <= 4 * 86_400
        for step in 0...4 {
            let at = start + span * Int64(step) / 4
            let text = withTime ? String(at.iso8601.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ") : at.isoDate
            chart.xTicks.append(Tick(x: x(at), y: chart.axisY + 20, text: text, anchor: step == 0 ? "start" : step == 4 ? "end" : "middle"))
        }
        return chart
    }
}

/// Money as people read it: `$1,234.56`, or `$1,235` on an axis.
enum Dollars {
    static func text(_ money: Money, wholeDollars: Bool = false) -> String {
        let negative = money.cents < 0
        // The magnitude, unsigned: `abs(Int.min)` and `cents + 50` near `Int.max` would trap.
        let cents = money.cents.magnitude
        var whole = String(cents / 100 + (wholeDollars && cents % 100 >= 50 ? 1 : 0))
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let fraction = wholeDollars ? "" : "." + String(format2: Int(cents % 100))
        return (negative ? "−$" : "$") + whole + grouped + fraction
    }
}

private extension String {
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }
}
