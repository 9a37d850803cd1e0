// Vite's client types (CSS imports, import.meta.env) for the web app.
/// <reference types="vite/client" />
