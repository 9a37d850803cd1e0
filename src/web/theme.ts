// The Mantine theme: system fonts with Traditional Chinese faces first for CJK text.
import { createTheme } from '@mantine/core';

const cjk = "'PingFang TC', 'Noto Sans CJK TC', 'Noto Sans TC', 'Microsoft JhengHei'";

/** Firebreak's theme. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  fontFamily: `-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, ${cjk}, sans-serif`,
  headings: { fontFamily: `-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, ${cjk}, sans-serif` },
  defaultRadius: 'md',
});
