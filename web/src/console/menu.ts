import type { Component } from 'vue'
import type { RouteComponent } from 'vue-router'
import { Bell, House, Lock, Message, OfficeBuilding, User } from '@element-plus/icons-vue'
import type { Role } from '@/shared/types'

export interface MenuEntry {
  /** Route name, and the `console-menu-<key>` / `console-card-<key>` test ids. */
  key: string
  path: string
  /** i18n key of the menu text, which is also the page title. */
  label: string
  icon: Component
  /** The page (loaded when first opened). */
  view: () => Promise<RouteComponent | { default: RouteComponent }>
  /** Shown to, and opened by, holders of any of these roles; every signed-in user when absent. */
  roles?: Role[]
  /** i18n key of the home page card text. */
  card?: string
}

/** The console's pages: sidebar, home page quick links and routes (router.ts) in one list. */
export const MENU: MenuEntry[] = [
  { key: 'home', path: '/', label: 'console.menu.home', icon: House, view: () => import('./views/HomeView.vue') },
  {
    key: 'directory',
    path: '/directory',
    label: 'console.menu.directory',
    icon: OfficeBuilding,
    view: () => import('./views/DirectoryView.vue'),
    card: 'console.cards.directory',
  },
  {
    key: 'audit',
    path: '/audit',
    label: 'console.menu.audit',
    icon: Lock,
    view: () => import('./views/AuditView.vue'),
    roles: ['AUDITOR', 'PLATFORM_ADMIN'],
    card: 'console.cards.audit',
  },
  {
    key: 'notifications',
    path: '/notifications',
    label: 'console.menu.notifications',
    icon: Bell,
    view: () => import('./views/NotificationsView.vue'),
    card: 'console.cards.notifications',
  },
  {
    key: 'accounts',
    path: '/accounts',
    label: 'console.menu.accounts',
    icon: User,
    view: () => import('./views/AccountsView.vue'),
    roles: ['PLATFORM_ADMIN'],
    card: 'console.cards.accounts',
  },
  {
    key: 'dev-sms',
    path: '/dev-sms',
    label: 'console.menu.devSms',
    icon: Message,
    view: () => import('./views/DevSmsView.vue'),
    roles: ['PLATFORM_ADMIN'],
    card: 'console.cards.devSms',
  },
]

/** Business modules still to come, by the role that will use them (shown on the home page as "coming soon"). */
export const UPCOMING: { role: Role; module: string }[] = [
  { role: 'FAMILY_DOCTOR', module: 'familyDoctor' },
  { role: 'CLINICIAN', module: 'consultation' },
  { role: 'PHARMACIST', module: 'prescriptionReview' },
  { role: 'NURSE', module: 'nursing' },
  { role: 'SCHEDULER', module: 'scheduling' },
  { role: 'PHARMACY', module: 'pharmacy' },
  { role: 'CDC', module: 'surveillance' },
  { role: 'INSURANCE', module: 'billing' },
  { role: 'CLERK', module: 'govService' },
  { role: 'DISPATCHER', module: 'emergency' },
]
