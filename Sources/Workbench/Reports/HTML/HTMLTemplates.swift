/// The report's Mustache templates. `{{…}}` escapes HTML, so every text from a run (names, cells,
/// diffs) reaches the page escaped; nothing here loads anything from outside the file.
enum HTMLTemplates {
    static let all: [(name: String, text: String)] = [("page", page), ("section", section), ("expectations", expectations), ("ledger", ledger),
                                                           ("chart", chart)]

    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="arcadia">
        <title>{{title}}: {{passedCount}} passed, {{failedCount}} failed{{#hasOrphans}}, {{orphanCount}} orphaned golden folders{{/hasOrphans}}</title>
        <style>
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; margin: 0 auto; padding: 1.5rem; max-width: 72rem; }
        h1 { font-size: 1.6rem; margin: 0 0 1rem; }
        h2 { font-size: 1.3rem; margin: 2.2rem 0 .4rem; border-top: 2px solid #555; padding-top: 1rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
        table { border-collapse: collapse; margin: .4rem 0 1rem; }
        caption { text-align: left; font-weight: 600; padding: .2rem 0; }
        th, td { border: 1px solid #999; padding: .2rem .45rem; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.num, th.num { text-align: right; }
        .verdict { display: inline-block; font-weight: 700; padding: 0 .45rem; border: 2px solid currentColor; border-radius: 3px; margin-right: .4rem; }
        .pass .verdict { color: #185c1c; }
        .fail .verdict { color: #a0101a; }
        .summary td, .summary th { font-size: 1.05rem; }
        .scroll { overflow-x: auto; max-width: 100%; }
        .diff td { max-width: 22rem; overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .82rem; }
        .diff tr.golden th { background: #f6e3e3; }
        .diff tr.run th { background: #e3f1e3; }
        .diff td.changed { font-weight: 700; outline: 2px solid #333; outline-offset: -2px; }
        .diff tr.golden td.changed { background: #ffd7d7; }
        .diff tr.run td.changed { background: #c9f0c9; }
        .expect tr.pass .verdict { color: #185c1c; }
        .expect tr.fail .verdict { color: #a0101a; }
        .expect td.changed { font-weight: 700; outline: 2px solid #333; outline-offset: -2px; background: #ffd7d7; }
        del { text-decoration: line-through; }
        ins { text-decoration: underline; }
        pre { background: #f4f4f4; border: 1px solid #ccc; padding: .6rem; overflow-x: auto; font-size: .8rem; }
        figure { margin: 1rem 0 1.6rem; overflow-x: auto; }
        figcaption { font-weight: 600; margin-bottom: .3rem; }
        svg { max-width: 100%; height: auto; border: 1px solid #ccc; background: #fff; }
        /* On a phone a chart shrunk to the screen drew its 11 px labels at about 6 px: it keeps
           at least 80 % of its size and scrolls instead. */
        @media (max-width: 40rem) { svg { max-width: none; min-width: 512px; } }
        svg text { font: 11px system-ui, sans-serif; fill: #1b1b1b; }
        .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        </style>
        </head>
        <body>
        <header>
        <h1>{{title}}</h1>
        <table class="summary">
        <caption>Summary</caption>
        <tbody>
        <tr><th scope="row">Result</th><td>{{#allPassed}}everything passed{{/allPassed}}{{^allPassed}}failures found{{/allPassed}}</td></tr>
        <tr><th scope="row">Scenarios</th><td class="num">{{scenarioCount}}</td></tr>
        <tr><th scope="row">Passed</th><td class="num">{{passedCount}}</td></tr>
        <tr><th scope="row">Failed</th><td class="num">{{failedCount}}</td></tr>
        {{#hasOrphans}}<tr><th scope="row">Orphaned golden folders (each a failure)</th><td class="num">{{orphanCount}}</td></tr>
        {{/hasOrphans}}
        <tr><th scope="row">Tenant invoices (not void)</th><td class="num">{{invoiceCount}}, totalling {{invoiceTotal}}</td></tr>
        <tr><th scope="row">DO cost (invoices ingested)</th><td class="num">{{doCost}}</td></tr>
        </tbody>
        </table>
        <nav aria-label="Scenarios">
        <table>
        <caption>Scenarios</caption>
        <thead><tr><th scope="col">Scenario</th><th scope="col">Result</th></tr></thead>
        <tbody>
        {{#scenarios}}
        <tr><td><a href="#{{id}}">{{name}}</a></td><td>{{verdict}}</td></tr>
        {{/scenarios}}
        </tbody>
        </table>
        </nav>
        {{#hasOrphans}}
        <h2>Golden folders no scenario produced</h2>
        <ul>
        {{#orphans}}<li><span class="verdict">FAIL</span>{{.}} belongs to no scenario that ran (delete it, or run its scenario)</li>
        {{/orphans}}
        </ul>
        {{/hasOrphans}}
        </header>
        <main>
        {{#scenarios}}
        {{>section}}
        {{/scenarios}}
        </main>
        </body>
        </html>

        """

    static let section = """
        <section id="{{id}}" class="{{#passed}}pass{{/passed}}{{^passed}}fail{{/passed}}" aria-labelledby="{{id}}-h">
        <h2 id="{{id}}-h"><span class="verdict">{{verdict}}</span>{{name}}</h2>
        <p>Scenario file: <code>{{file}}</code>{{#counts}}. {{.}}{{/counts}}</p>
        {{#problem}}<p><strong>Problem:</strong> <code>{{.}}</code></p>{{/problem}}
        {{#hasMessages}}
        <h3>Warnings</h3>
        <ul>
        {{#messages}}<li>{{.}}</li>
        {{/messages}}
        </ul>
        {{/hasMessages}}
        {{#otherFindings}}<p><strong>Finding:</strong> {{.}}</p>
        {{/otherFindings}}
        {{#hasExpectations}}
        {{>expectations}}
        {{/hasExpectations}}
        {{#ledgers}}
        {{>ledger}}
        {{/ledgers}}
        {{#hasCharts}}
        <h3>Charts</h3>
        {{#charts}}
        {{>chart}}
        {{/charts}}
        {{/hasCharts}}
        </section>

        """

    static let expectations = """
        <h3 id="{{id}}-expect">Expectations: {{expectationsHeld}}</h3>
        <div class="scroll">
        <table class="expect">
        <caption>{{name}}: each expect item at its file:line:column; a failing one has a row per figure, expected beside actual, the differing ones marked “differs”</caption>
        <thead><tr><th scope="col">where</th><th scope="col">check</th><th scope="col">result</th><th scope="col">figure</th><th scope="col">expected</th><th scope="col">actual</th></tr></thead>
        <tbody>
        {{#expectations}}
        <tr class="{{#passed}}pass{{/passed}}{{^passed}}fail{{/passed}}"><td><code>{{location}}</code></td><td>{{title}}</td><td><span class="verdict">{{verdict}}</span></td><td>{{figure}}</td><td class="num">{{expected}}</td>{{#differs}}<td class="num changed">{{actual}}<span class="sr-only"> (differs)</span></td>{{/differs}}{{^differs}}<td class="num">{{actual}}</td>{{/differs}}</tr>
        {{/expectations}}
        </tbody>
        </table>
        </div>

        """

    static let ledger = """
        <h3 id="{{id}}">{{file}} differs from its golden</h3>
        <p>{{headline}}</p>
        {{#notes}}<p><strong>The file as a whole:</strong> {{.}}</p>
        {{/notes}}
        {{#hasRows}}
        <div class="scroll">
        <table class="diff">
        <caption>{{file}}: changed rows, golden then this run; changed cells are outlined and marked “changed”</caption>
        <thead><tr><th scope="col">line</th><th scope="col">side</th>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}
        <tr class="{{sideClass}}"><th scope="row">{{line}}</th><th scope="row">{{side}}</th>{{#cells}}{{#changed}}<td class="changed">{{#deleted}}<del>{{text}}</del>{{/deleted}}{{#inserted}}<ins>{{text}}</ins>{{/inserted}}<span class="sr-only"> (changed)</span></td>{{/changed}}{{^changed}}<td>{{text}}</td>{{/changed}}{{/cells}}</tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        {{#more}}<p>{{.}}</p>{{/more}}
        <details>
        <summary>Unified diff of {{file}}</summary>
        <pre>{{diff}}</pre>
        </details>

        """

    static let chart = """
        <figure aria-labelledby="{{id}}-t">
        <figcaption id="{{id}}-t">{{title}}</figcaption>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" aria-labelledby="{{id}}-st {{id}}-sd">
        <title id="{{id}}-st">{{title}}</title>
        <desc id="{{id}}-sd">{{summary}}</desc>
        <defs>
        <pattern id="{{id}}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1f5fa8" stroke-width="3"/></pattern>
        </defs>
        {{#gridlines}}<line x1="{{x1}}" y1="{{y}}" x2="{{x2}}" y2="{{y}}" stroke="#ddd"/>
        {{/gridlines}}
        <line x1="{{axisX1}}" y1="{{axisY}}" x2="{{axisX2}}" y2="{{axisY}}" stroke="#333"/>
        {{#yTicks}}<text x="{{x}}" y="{{y}}" text-anchor="end">{{text}}</text>
        {{/yTicks}}
        {{#xTicks}}<text x="{{x}}" y="{{y}}" text-anchor="{{anchor}}">{{text}}</text>
        {{/xTicks}}
        {{#bars}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" stroke="#1b1b1b" fill="{{#solid}}#444{{/solid}}{{^solid}}url(#{{id}}-hatch){{/solid}}"/>
        {{/bars}}
        {{#bars}}{{#labelled}}<text x="{{labelX}}" y="{{labelY}}" text-anchor="middle">{{label}}</text>
        {{/labelled}}{{/bars}}
        {{#line}}<polyline points="{{.}}" fill="none" stroke="#1f5fa8" stroke-width="2"/>
        {{/line}}
        {{#legend}}<rect x="{{x}}" y="{{y}}" width="14" height="14" stroke="#1b1b1b" fill="{{#solid}}#444{{/solid}}{{^solid}}url(#{{id}}-hatch){{/solid}}"/><text x="{{textX}}" y="{{textY}}">{{text}}</text>
        {{/legend}}
        </svg>
        <details>
        <summary>The numbers behind this chart</summary>
        <table>
        <caption>{{table.caption}}</caption>
        <thead><tr>{{#table.columns}}<th scope="col">{{.}}</th>{{/table.columns}}</tr></thead>
        <tbody>
        {{#table.rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
        {{/table.rows}}
        </tbody>
        </table>
        </details>
        </figure>

        """
}
