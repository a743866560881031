import type { Component } from 'vue'
import type { RouteComponent } from 'vue-router'
import {
  Bell,
  Calendar,
  Checked,
  Connection,
  DocumentChecked,
  FirstAidKit,
  House,
  Key,
  Lock,
  Message,
  Notebook,
  OfficeBuilding,
  Postcard,
  Tickets,
  Timer,
  User,
} from '@element-plus/icons-vue'
import { CODE_VERIFIER_ROLES, type Role } from '@/shared/types'

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
    key: 'verify',
    path: '/verify',
    label: 'console.menu.verify',
    icon: Checked,
    view: () => import('./views/VerifyView.vue'),
    roles: [...CODE_VERIFIER_ROLES],
    card: 'console.cards.verify',
  },
  {
    key: 'window',
    path: '/window',
    label: 'console.menu.window',
    icon: Postcard,
    view: () => import('./views/WindowView.vue'),
    roles: ['CLERK', 'NURSE', 'PLATFORM_ADMIN'],
    card: 'console.cards.window',
  },
  {
    key: 'booking',
    path: '/booking',
    label: 'console.menu.booking',
    icon: Calendar,
    view: () => import('./views/BookingWindowView.vue'),
    // window staff: the channels WINDOW and PHONE are theirs alone
    roles: ['NURSE', 'SCHEDULER'],
    card: 'console.cards.booking',
  },
  {
    key: 'queue',
    path: '/queue',
    label: 'console.menu.queue',
    icon: Tickets,
    view: () => import('./views/QueueView.vue'),
    // the desk of the organisation: check-in (nurses, schedulers) and calling (clinicians); the server's DESK roles
    roles: ['CLINICIAN', 'NURSE', 'SCHEDULER'],
    card: 'console.cards.queue',
  },
  {
    key: 'records',
    path: '/records',
    label: 'console.menu.records',
    icon: Notebook,
    view: () => import('./views/RecordsView.vue'),
    // reads under a care relationship, the patient's consent or break-glass (紧急调阅)
    roles: ['CLINICIAN', 'FAMILY_DOCTOR'],
    card: 'console.cards.records',
  },
  {
    key: 'schedules',
    path: '/schedules',
    label: 'console.menu.schedules',
    icon: Timer,
    view: () => import('./views/SchedulesView.vue'),
    roles: ['SCHEDULER', 'PLATFORM_ADMIN'],
    card: 'console.cards.schedules',
  },
  {
    key: 'empi',
    path: '/empi',
    label: 'console.menu.empi',
    icon: Connection,
    view: () => import('./views/EmpiView.vue'),
    roles: ['CLERK', 'PLATFORM_ADMIN'],
    card: 'console.cards.empi',
  },
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
    key: 'break-glass',
    path: '/break-glass',
    label: 'console.menu.breakGlass',
    icon: FirstAidKit,
    view: () => import('./views/BreakGlassView.vue'),
    roles: ['AUDITOR'],
    card: 'console.cards.breakGlass',
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
    key: 'code-keys',
    path: '/code-keys',
    label: 'console.menu.codeKeys',
    icon: Key,
    view: () => import('./views/CodeKeysView.vue'),
    roles: ['PLATFORM_ADMIN'],
    card: 'console.cards.codeKeys',
  },
  {
    key: 'recognition',
    path: '/recognition',
    label: 'console.menu.recognition',
    icon: DocumentChecked,
    view: () => import('./views/RecognitionView.vue'),
    // the catalogue and institutions' quality control of mutual recognition (互认); everyone may read, admins write
    roles: ['PLATFORM_ADMIN'],
    card: 'console.cards.recognition',
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
  { role: 'PHARMACY', module: 'pharmacy' },
  { role: 'CDC', module: 'surveillance' },
  { role: 'INSURANCE', module: 'billing' },
  { role: 'CLERK', module: 'govService' },
  { role: 'DISPATCHER', module: 'emergency' },
]
