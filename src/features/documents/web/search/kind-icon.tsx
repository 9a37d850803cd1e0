// One icon per kind of search result, shared by the header's dropdown and the results page.
import {
  type Icon,
  IconFileText,
  IconFlame,
  IconFolder,
  IconListCheck,
  IconMessageCircle,
  IconNote,
  IconPaperclip,
} from '@tabler/icons-react';
import type { SearchKind } from '../../contract.ts';

/** The icon of each kind. */
export const kindIcons: Record<SearchKind, Icon> = {
  mention: IconMessageCircle,
  crisis: IconFlame,
  task: IconListCheck,
  note: IconNote,
  statement: IconFileText,
  document: IconFolder,
  attachment: IconPaperclip,
};
