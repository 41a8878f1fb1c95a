/**
 * Events the desktop shell itself (not the core) pushes to the renderer: native menu
 * commands and deep links. One typed channel, validated with zod before sending.
 */
import { z } from 'zod';
import { DeepLinkRoute } from './deeplink';

export const MENU_COMMANDS = ['search', 'undo', 'redo', 'settings', 'newArtist', 'about'] as const;
export const MenuCommand = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

export const ShellEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('menu'), command: MenuCommand }).strict(),
  z.object({ type: z.literal('deepLink'), route: DeepLinkRoute }).strict(),
  z
    .object({ type: z.literal('deepLinkError'), code: z.string().max(64), message: z.string().max(500) })
    .strict(),
]);
export type ShellEvent = z.infer<typeof ShellEvent>;
