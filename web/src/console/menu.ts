import type { Component } from 'vue'
import { Bell, House, Lock, Message, OfficeBuilding, User } from '@element-plus/icons-vue'
import type { Role } from '@/shared/types'

export interface MenuEntry {
  key: string
  path: string
  label: string
  icon: Component
  /** Shown to holders of any of these roles; every signed-in user when absent. */
  roles?: Role[]
  /** i18n key of the home page card text. */
  card?: string
}

/** Sidebar and home page quick links; the router's meta.roles repeats the same rules for direct URLs. */
export const MENU: MenuEntry[] = [
  { key: 'home', path: '/', label: 'console.menu.home', icon: House },
  { key: 'directory', path: '/directory', label: 'console.menu.directory', icon: OfficeBuilding, card: 'console.cards.directory' },
  {
    key: 'audit',
    path: '/audit',
    label: 'console.menu.audit',
    icon: Lock,
    roles: ['AUDITOR', 'PLATFORM_ADMIN'],
    card: 'console.cards.audit',
  },
  { key: 'notifications', path: '/notifications', label: 'console.menu.notifications', icon: Bell, card: 'console.cards.notifications' },
  { key: 'accounts', path: '/accounts', label: 'console.menu.accounts', icon: User, roles: ['PLATFORM_ADMIN'], card: 'console.cards.accounts' },
  { key: 'dev-sms', path: '/dev-sms', label: 'console.menu.devSms', icon: Message, roles: ['PLATFORM_ADMIN'], card: 'console.cards.devSms' },
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
