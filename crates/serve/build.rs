//! Fetches the UI's chart library (ECharts) from the npm registry with `npm ci`, pinned by
//! ui/package-lock.json, and hands its minified bundle to the crate. Without Node/npm the build
//! still succeeds: the UI then shows its tables and says that charts need the library.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    let ui = manifest.join("ui");
    for f in ["package.json", "package-lock.json"] {
        println!("cargo:rerun-if-changed=ui/{f}");
    }
    println!("cargo:rerun-if-env-changed=DYAD_SKIP_NPM");
    let target = out.join("echarts.min.js");
    let got = if std::env::var_os("DYAD_SKIP_NPM").is_some() {
        Err("DYAD_SKIP_NPM is set".to_string())
    } else {
        fetch(&ui, &out.join("npm"))
    };
    match got {
        Ok(bundle) => {
            std::fs::copy(&bundle, &target).expect("OUT_DIR is writable");
        }
        Err(why) => {
            println!("cargo:warning=web UI without charts: {why}");
            std::fs::write(&target, "window.echarts = null;\n").expect("OUT_DIR is writable");
        }
    }
}

/// `npm ci` in a copy of the package files under OUT_DIR (never in the source tree).
fn fetch(ui: &Path, dir: &Path) -> Result<PathBuf, String> {
    let bundle = dir.join("node_modules/echarts/dist/echarts.min.js");
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut same = bundle.exists();
    for f in ["package.json", "package-lock.json"] {
        let src = std::fs::read(ui.join(f)).map_err(|e| format!("ui/{f}: {e}"))?;
        let dst = dir.join(f);
        if std::fs::read(&dst).ok().as_deref() != Some(src.as_slice()) {
            same = false;
            std::fs::write(&dst, src).map_err(|e| e.to_string())?;
        }
    }
    if same {
        return Ok(bundle);
    }
    let status = Command::new("npm")
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot run npm ({e})"))?;
    if !status.success() {
        return Err(format!("`npm ci` failed ({status})"));
    }
    if bundle.exists() {
        Ok(bundle)
    } else {
        Err("npm installed echarts without dist/echarts.min.js".into())
    }
}
