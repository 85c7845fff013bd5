//! "Remember for this tab": the one place the token may be stored, and only when the user
//! asks: `sessionStorage`, which dies with the tab. Never `localStorage`.

const KEY: &str = "coveo-key-explorer.token";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The token remembered for this tab, if the user asked for it.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok()?.filter(|t| !t.is_empty())
}

pub fn save(token: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(KEY, token);
    }
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}
