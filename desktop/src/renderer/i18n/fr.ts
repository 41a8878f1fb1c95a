import type { Messages } from './en';

/** French messages. Typed against the English keys: a missing or extra key does not compile. */
export const fr: Messages = {
  'app.name': 'Flow Stage',
  'app.tagline': 'Booking de musique live',
  'app.loading': 'Chargement…',
  'app.retry': 'Réessayer',

  'lang.label': 'Langue',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'connection.missingToken.title': 'Ouvrez Flow Stage depuis son lien',
  'connection.missingToken.body':
    'Cette page a besoin du lien d’accès privé affiché par Flow Stage au démarrage (il se termine par #token=…). Ouvrez ce lien dans ce navigateur.',
  'connection.reconnecting':
    'La connexion au moteur Flow Stage a été perdue. Reconnexion… Si vous avez redémarré Flow Stage, ouvrez le nouveau lien affiché.',

  'auth.signIn.title': 'Connexion à votre agence',
  'auth.signUp.title': 'Créer le compte de votre agence',
  'auth.email': 'E-mail',
  'auth.password': 'Mot de passe',
  'auth.password.hint': 'Au moins 10 caractères',
  'auth.name': 'Votre nom',
  'auth.agencyName': 'Nom de l’agence',
  'auth.agencyName.hint':
    'Crée l’espace de travail de votre agence. Laissez vide si vous rejoignez une agence existante.',
  'auth.signIn.submit': 'Se connecter',
  'auth.signUp.submit': 'Créer le compte',
  'auth.busy': 'Veuillez patienter…',
  'auth.toSignUp': 'Nouveau sur Flow Stage ? Créez un compte',
  'auth.toSignIn': 'Déjà un compte ? Connectez-vous',
  'auth.pitch.title': 'Chaque date, chaque deal, chaque artiste — même hors ligne.',
  'auth.pitch.body':
    'Votre roster est enregistré sur cet ordinateur et se synchronise avec votre équipe dès que vous êtes en ligne.',

  'workspace.choose.title': 'Choisissez un espace de travail',
  'workspace.choose.body': 'Votre compte appartient à plusieurs agences. Laquelle voulez-vous ouvrir ?',
  'workspace.none.title': 'Aucun espace de travail',
  'workspace.none.body':
    'Votre compte n’est membre d’aucune agence. Demandez une invitation à votre agence, ou inscrivez-vous à nouveau avec un nom d’agence.',
  'workspace.label': 'Espace de travail',
  'workspace.role.owner': 'Propriétaire',
  'workspace.role.agent': 'Agent',
  'workspace.role.assistant': 'Assistant',

  'topbar.signOut': 'Se déconnecter',
  'topbar.signedInAs': 'Connecté en tant que {name}',
  'topbar.backup': 'Sauvegarde',

  'backup.title': 'Sauvegarder cet espace de travail',
  'backup.body':
    'Enregistre dans un seul fichier tout l’espace de travail présent sur cet ordinateur : artistes, salles, contacts, deals et événements. Gardez-le en lieu sûr : il permet de restaurer l’espace de travail sur un autre ordinateur.',
  'backup.path': 'Fichier de sauvegarde',
  'backup.path.hint':
    'Chemin complet du fichier à créer. Les dossiers manquants sont créés ; un fichier du même nom est remplacé.',
  'backup.submit': 'Exporter',
  'backup.busy': 'Export en cours…',
  'backup.close': 'Fermer',
  'backup.done': 'Sauvegarde enregistrée : {path}',
  'backup.details': '{size} · {documents} · faite le {date}',
  'backup.documents.one': '{count} document',
  'backup.documents.other': '{count} documents',

  'restore.open': 'Restaurer depuis un fichier de sauvegarde',
  'restore.title': 'Restaurer depuis un fichier de sauvegarde',
  'restore.body.signedOut':
    'Vous installez un nouvel ordinateur ? Restaurez votre espace de travail depuis un fichier de sauvegarde Flow Stage, puis connectez-vous : il s’ouvre aussitôt depuis cet ordinateur, sans tout télécharger.',
  'restore.body':
    'Restaurez un espace de travail depuis un fichier de sauvegarde Flow Stage fait sur un autre ordinateur. Le fichier est entièrement vérifié avant toute écriture.',
  'restore.path': 'Fichier de sauvegarde',
  'restore.path.hint': 'Chemin complet du fichier de sauvegarde (.flowstage).',
  'restore.submit': 'Restaurer',
  'restore.busy': 'Vérification et restauration…',
  'restore.cancel': 'Annuler',
  'restore.done.signIn':
    '« {name} » est restauré sur cet ordinateur ({documents}). Connectez-vous pour l’ouvrir.',
  'restore.done': '« {name} » est restauré ({documents}). Ouverture…',
  'restore.dismiss': 'Fermer',

  'sync.synced': 'Synchronisé',
  'sync.syncing': 'Synchronisation…',
  'sync.offline': 'Hors ligne',
  'sync.error': 'Erreur de synchro',
  'sync.pending.one': '{count} modification en attente de synchronisation',
  'sync.pending.other': '{count} modifications en attente de synchronisation',
  'sync.lastError': 'Dernière erreur : {message}',
  'offline.banner':
    'Vous êtes hors ligne. Vos modifications sont enregistrées sur cet ordinateur et seront synchronisées au retour de la connexion.',

  'nav.label': 'Navigation principale',
  'nav.roster': 'Roster',

  'roster.title': 'Roster',
  'roster.search.label': 'Rechercher dans le roster',
  'roster.search.placeholder': 'Rechercher un nom, un genre, une ville…',
  'roster.count.one': '{count} artiste',
  'roster.count.other': '{count} artistes',
  'roster.empty': 'Aucun artiste dans ce roster pour le moment.',
  'roster.noMatch': 'Aucun artiste ne correspond à « {search} ».',
  'roster.loading': 'Chargement du roster…',
  'roster.error': 'Le roster n’a pas pu être chargé : {message}',
  'roster.sortBy': 'Trier par {column}',
  'roster.col.name': 'Nom',
  'roster.col.kind': 'Type',
  'roster.col.genres': 'Genres',
  'roster.col.fee': 'Cachet',
  'roster.col.draw': 'Jauge',
  'roster.col.home': 'Basé à',
  'roster.col.deals': 'Deals',
  'roster.col.nextShow': 'Prochaine date',
  'roster.none': '—',

  'kind.solo': 'Solo',
  'kind.band': 'Groupe',
  'kind.dj': 'DJ',
  'kind.ensemble': 'Ensemble',

  'country.FR': 'France',
  'country.BE': 'Belgique',
  'country.CH': 'Suisse',

  'editor.title': 'Modifier l’artiste',
  'editor.close': 'Fermer',
  'editor.loading': 'Chargement de l’artiste…',
  'editor.loadError': 'L’artiste n’a pas pu être chargé : {message}',
  'editor.name': 'Nom',
  'editor.kind': 'Type',
  'editor.genres': 'Genres',
  'editor.genres.hint': 'Séparez les genres par des virgules',
  'editor.fees': 'Fourchette de cachet',
  'editor.feeMin': 'Cachet minimum',
  'editor.feeMax': 'Cachet maximum',
  'editor.currency': 'Devise',
  'editor.draw': 'Jauge (public habituel)',
  'editor.homeCity': 'Ville',
  'editor.homeCountry': 'Pays',
  'editor.save': 'Enregistrer',
  'editor.saving': 'Enregistrement…',
  'editor.saved': 'Enregistré',
  'editor.revert': 'Annuler les modifications',
  'editor.noChanges': 'Aucune modification à enregistrer.',
  'editor.updatedAt': 'Dernière modification le {date}',
  'editor.saveError': 'L’artiste n’a pas pu être enregistré : {message}',

  'validation.required': 'Obligatoire.',
  'validation.email': 'Saisissez une adresse e-mail valide.',
  'validation.passwordLength': 'Le mot de passe doit contenir au moins 10 caractères.',
  'validation.tooLong': '{max} caractères maximum.',
  'validation.amount': 'Saisissez un montant, par exemple 1500 ou 1500,50.',
  'validation.amountDecimals': '2 décimales maximum.',
  'validation.amountTooLarge': 'Ce montant est trop élevé.',
  'validation.feeOrder': 'Ne doit pas être inférieur au cachet minimum.',
  'validation.integer': 'Saisissez un nombre entier.',
  'validation.range': 'Doit être compris entre {min} et {max}.',
  'validation.genreTooLong': 'Chaque genre fait au plus 60 caractères.',
  'validation.tooManyGenres': '20 genres maximum.',
  'validation.invalid': 'Valeur invalide.',
  'validation.absolutePath':
    'Saisissez le chemin complet du fichier, commençant par / (ou par une lettre de lecteur comme C:\\).',

  'error.invalid_credentials': 'E-mail ou mot de passe incorrect.',
  'error.email_taken': 'Un compte existe déjà avec cet e-mail. Connectez-vous.',
  'error.network':
    'Les serveurs Flow Stage sont injoignables. Vérifiez votre connexion internet et réessayez.',
  'error.rate_limited': 'Trop de tentatives. Patientez un instant puis réessayez.',
  'error.disconnected': 'La connexion au moteur Flow Stage a été interrompue. Réessayez.',
  'error.timeout': 'Flow Stage a mis trop de temps à répondre. Réessayez.',
  'error.invalid_params': 'Certains champs sont invalides.',
  'error.not_found': 'Cet élément n’existe plus.',
  'error.no_workspace': 'Aucun espace de travail n’est ouvert. Reconnectez-vous.',
  'error.backup_not_found': 'Aucun fichier à cet emplacement. Vérifiez le chemin et réessayez.',
  'error.backup_unreadable': 'Ce fichier ne peut pas être lu. Vérifiez que vous avez le droit de l’ouvrir.',
  'error.backup_not_a_backup': 'Ce fichier n’est pas une sauvegarde Flow Stage. Rien n’a été restauré.',
  'error.backup_unsupported_version':
    'Cette sauvegarde utilise un format que cette version de Flow Stage ne sait pas lire. Mettez Flow Stage à jour et réessayez. Rien n’a été restauré.',
  'error.backup_truncated':
    'Ce fichier de sauvegarde est incomplet : il a été tronqué (copie ou téléchargement interrompu ?). Rien n’a été restauré.',
  'error.backup_corrupt':
    'Ce fichier de sauvegarde est endommagé : son contenu ne correspond pas à sa somme de contrôle. Rien n’a été restauré.',
  'error.backup_invalid_header':
    'Ce fichier de sauvegarde est endommagé : sa description est illisible. Rien n’a été restauré.',
  'error.backup_invalid_document':
    'Ce fichier de sauvegarde est endommagé : une partie des données de l’espace de travail est illisible. Rien n’a été restauré.',
  'error.backup_missing_root':
    'La partie principale des données de l’espace de travail manque : il n’y a rien à sauvegarder ni à restaurer. Si l’espace de travail se synchronise encore, patientez puis réessayez.',
  'error.backup_exists':
    'Cet espace de travail est déjà sur cet ordinateur : la sauvegarde n’a pas été restaurée et l’espace de travail est resté intact. Ouvrez-le plutôt : il se synchronise avec votre équipe.',
  'error.backup_write_failed':
    'Flow Stage n’a pas pu écrire le fichier. Vérifiez que vous pouvez écrire dans ce dossier et que le disque n’est pas plein.',
  'error.backup_not_member':
    'Cette sauvegarde appartient à un espace de travail que votre compte ne peut pas ouvrir. Connectez-vous avec un compte de cette agence, ou demandez-lui de vous inviter.',
  'error.unknown': 'Une erreur est survenue ({message}).',
};
