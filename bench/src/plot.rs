//! SVG plots: one program's speedup against the thread count, a line per configuration (against
//! its own T=1) and the ideal line S = T, drawn as plain SVG text (no plotting library needed
//! for a few lines and axes). Pure formatting: reads results, returns a string.

use crate::results::{ProgramResult, Results};
use crate::table::{axes, speedup};
use std::fmt::Write;

const W: f64 = 640.0;
const H: f64 = 420.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 190.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 50.0;
const COLOURS: [&str; 6] = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A "nice" tick step giving about `n` ticks up to `max`.
fn tick_step(max: f64, n: f64) -> f64 {
    let raw = (max / n).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag)
}

pub fn speedup_svg(r: &Results, p: &ProgramResult) -> String {
    let (threads, configs) = axes(p);
    let series: Vec<(String, Vec<(usize, f64)>)> = configs
        .iter()
        .map(|c| {
            let label = r.config(c).map(|c| c.label.clone()).unwrap_or_else(|| c.clone());
            (label, threads.iter().filter_map(|&t| speedup(p, c, t, c).map(|s| (t, s))).collect())
        })
        .collect();
    let max_t = threads.iter().copied().max().unwrap_or(1).max(2) as f64;
    // Speedups are finite (table::speedup); the cap keeps a corrupt file from drawing nonsense.
    let max_s = series.iter().flat_map(|(_, pts)| pts.iter().map(|p| p.1)).fold(max_t, f64::max).min(1e6) * 1.05;
    let (pw, ph) = (W - LEFT - RIGHT, H - TOP - BOTTOM);
    let x = |t: f64| LEFT + (t - 1.0) / (max_t - 1.0) * pw;
    let y = |s: f64| TOP + ph - s / max_s * ph;

    let mut o = String::new();
    let _ = writeln!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(o, r#"<rect width="{W}" height="{H}" fill="white"/>"#);
    let _ = writeln!(
        o,
        r#"<text x="{}" y="22" text-anchor="middle" font-size="15">{}: speedup against threads ({})</text>"#,
        LEFT + pw / 2.0,
        escape(&p.name),
        p.scaling
    );
    // Grid and axes.
    let step = tick_step(max_s, 6.0);
    let mut s = 0.0;
    while s <= max_s + 1e-9 {
        let _ = writeln!(o, r##"<line x1="{LEFT}" y1="{0:.1}" x2="{1}" y2="{0:.1}" stroke="#ddd"/>"##, y(s), LEFT + pw);
        let _ =
            writeln!(o, r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#, LEFT - 6.0, y(s) + 4.0, fmt_num(s));
        s += step;
    }
    for &t in &threads {
        let _ = writeln!(
            o,
            r##"<line x1="{0:.1}" y1="{TOP}" x2="{0:.1}" y2="{1}" stroke="#eee"/>"##,
            x(t as f64),
            TOP + ph
        );
        let _ = writeln!(o, r#"<text x="{:.1}" y="{}" text-anchor="middle">{t}</text>"#, x(t as f64), TOP + ph + 16.0);
    }
    let _ = writeln!(o, r#"<path d="M{LEFT},{TOP} V{0} H{1}" fill="none" stroke="black"/>"#, TOP + ph, LEFT + pw);
    let _ = writeln!(o, r#"<text x="{}" y="{}" text-anchor="middle">threads</text>"#, LEFT + pw / 2.0, H - 12.0);
    let _ = writeln!(
        o,
        r#"<text transform="translate(16 {}) rotate(-90)" text-anchor="middle">speedup against own T=1</text>"#,
        TOP + ph / 2.0
    );
    // Ideal line S = T.
    let _ = writeln!(
        o,
        r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#888" stroke-dasharray="6 4"/>"##,
        x(1.0),
        y(1.0),
        x(max_t),
        y(max_t)
    );
    // Series and legend.
    let lx = LEFT + pw + 20.0;
    let _ = writeln!(
        o,
        r##"<line x1="{lx}" y1="{0}" x2="{1}" y2="{0}" stroke="#888" stroke-dasharray="6 4"/>"##,
        TOP + 6.0,
        lx + 24.0
    );
    let _ = writeln!(o, r#"<text x="{}" y="{}">ideal (S = T)</text>"#, lx + 30.0, TOP + 10.0);
    for (i, (label, pts)) in series.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        if !pts.is_empty() {
            let d: Vec<String> = pts.iter().map(|&(t, s)| format!("{:.1},{:.1}", x(t as f64), y(s))).collect();
            let _ =
                writeln!(o, r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#, d.join(" "));
            for &(t, s) in pts {
                let _ = writeln!(
                    o,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{colour}"><title>{} T={t}: {s:.2}×</title></circle>"#,
                    x(t as f64),
                    y(s),
                    escape(label)
                );
            }
        }
        let ly = TOP + 30.0 + 20.0 * i as f64;
        let _ = writeln!(
            o,
            r#"<line x1="{lx}" y1="{ly}" x2="{}" y2="{ly}" stroke="{colour}" stroke-width="2"/>"#,
            lx + 24.0
        );
        let _ = writeln!(o, r#"<text x="{}" y="{}">{}</text>"#, lx + 30.0, ly + 4.0, escape(label));
    }
    o.push_str("</svg>\n");
    o
}

fn fmt_num(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_steps_are_round() {
        assert_eq!(tick_step(2.1, 6.0), 0.5);
        assert_eq!(tick_step(16.8, 6.0), 5.0);
        assert_eq!(tick_step(4.2, 6.0), 1.0);
        assert_eq!(fmt_num(2.5), "2.5");
        assert_eq!(fmt_num(3.0), "3");
    }
}
